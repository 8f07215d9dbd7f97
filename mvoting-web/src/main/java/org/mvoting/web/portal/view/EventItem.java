package org.mvoting.web.portal.view;

import java.io.Serializable;
import org.mvoting.api.events.EventView;
import org.mvoting.web.portal.PortalTime;

/** An on-site event (EventView) as the event list and the console header read it. */
public class EventItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String joinCode;
    private final String title;
    private final String startsAt;
    private final String venue;
    private final String agenda;
    private final boolean rehearsal;
    private final long participants;
    private final long tokensIssued;
    private final long tokensUsed;

    public EventItem(EventView e) {
        id = e.id().toString();
        joinCode = e.joinCode();
        title = e.title();
        startsAt = PortalTime.minutes(e.startsAt());
        venue = e.venue();
        agenda = e.agenda();
        rehearsal = e.rehearsal();
        participants = e.participants();
        tokensIssued = e.tokensIssued();
        tokensUsed = e.tokensUsed();
    }

    public String getId() {
        return id;
    }

    public String getJoinCode() {
        return joinCode;
    }

    public String getTitle() {
        return title;
    }

    /** On the city's clock, to the minute. */
    public String getStartsAt() {
        return startsAt;
    }

    public String getVenue() {
        return venue;
    }

    public String getAgenda() {
        return agenda;
    }

    public boolean isRehearsal() {
        return rehearsal;
    }

    /** Registered participants (by phone list or by token). */
    public long getParticipants() {
        return participants;
    }

    public long getTokensIssued() {
        return tokensIssued;
    }

    public long getTokensUsed() {
        return tokensUsed;
    }
}
