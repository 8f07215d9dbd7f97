package org.mvoting.application.polls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.application.messaging.StaffTexts;
import org.mvoting.domain.poll.Poll;
import org.mvoting.infrastructure.messaging.OutboxRelay;
import org.mvoting.infrastructure.persistence.StaffNoticeLedger;

/**
 * Tells a staff poll's audience that it opened, through the mobile office: at approval the audience is noted (once per
 * person and poll: a re-approval or an extension adds nobody twice), and when the poll's opening has come (at once,
 * or later by {@link PollClosingTimer}) one outbox message per person (and one e-mail with MVOTING_STAFF_MAIL) is written and announced in the caller's
 * transaction. Delivery (retries, dead letters) is the outbox's, never the approving transaction's. A meeting room's
 * poll notifies nobody: its audience is whoever is in the room.
 */
@ApplicationScoped
public class StaffPollNotices {

    @Inject
    private StaffNoticeLedger notices;

    @Inject
    private OutboxRelay relay;

    /** Whether opening this poll notifies staff. */
    static boolean notifiesStaff(Poll poll) {
        return poll.kind() == PollKind.CITY_TO_STAFF && poll.audience() == AudienceType.ORG_UNITS && !poll.isMeetingRoom();
    }

    /** Notes who is to be told (the audience fixed at approval) and tells them now if the poll is open already. */
    int noteAndSendIfOpen(Poll poll, Collection<String> staffIds, Instant now) {
        if (!notifiesStaff(poll)) {
            return 0;
        }
        notices.note(poll.id(), staffIds, now);
        return poll.acceptsBallotsAt(now) ? sendWaiting(poll, now) : 0;
    }

    /** Writes the outbox messages of whoever is still waiting; returns how many. */
    int sendWaiting(Poll poll, Instant now) {
        String json = StaffTexts.pollOpened(poll.id(), poll.title(), poll.ownerDepartment().name(),
                poll.schedule().closesAt(), CitySettings.timeZone(), CitySettings.publicUrl().orElse(null)).toJson();
        List<UUID> ids = notices.enqueueWaiting(poll.id(), json, CitySettings.staffMail(), now);
        relay.announceAll(ids);
        return ids.size();
    }

    List<UUID> pollsDue(Instant now) {
        return notices.pollsOpenedWithWaitingNotices(now);
    }
}
