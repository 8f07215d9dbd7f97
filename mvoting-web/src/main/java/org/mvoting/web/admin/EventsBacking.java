package org.mvoting.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import org.mvoting.api.events.EventAdministration;
import org.mvoting.api.events.EventDraft;
import org.mvoting.api.events.EventView;
import org.mvoting.web.portal.PortalMessages;
import org.mvoting.web.portal.PortalTime;
import org.mvoting.web.portal.PortalUser;
import org.mvoting.web.portal.view.EventItem;

/**
 * The on-site events (/admin/events.xhtml): every event, the next ones first, each leading to its console, and
 * the form an EVENT_OPERATOR sets a new one up with. The service checks the role; a refusal becomes a message.
 */
@Named
@ViewScoped
public class EventsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX_TEXT = 200;
    static final int MAX_AGENDA = 4000;

    @EJB
    private EventAdministration administration;

    @Inject
    private PortalUser user;

    private boolean loaded;
    private List<EventItem> events = List.of();

    private String title;
    private LocalDateTime startsAt;
    private String venue;
    private String agenda;
    private boolean rehearsal;

    /** The f:viewAction. */
    public void load() {
        events = administration.events().stream().map(EventItem::new).toList();
        loaded = true;
    }

    /** Sets the event up and opens its console, where its questions are prepared. */
    public String create() {
        String cleanTitle = strip(title);
        String cleanVenue = strip(venue);
        String cleanAgenda = strip(agenda);
        // the page words what is missing; the service's own checks stay the rule
        if (cleanTitle.isEmpty() || cleanTitle.length() > MAX_TEXT) {
            PortalMessages.error("create:title", "events.invalid.title");
            return null;
        }
        if (startsAt == null) {
            PortalMessages.error("create:startsAt", "events.invalid.startsAt");
            return null;
        }
        if (cleanVenue.isEmpty() || cleanVenue.length() > MAX_TEXT) {
            PortalMessages.error("create:venue", "events.invalid.venue");
            return null;
        }
        if (cleanAgenda.length() > MAX_AGENDA) {
            PortalMessages.error("create:agenda", "events.invalid.agenda");
            return null;
        }
        EventView created = administration.createEvent(new EventDraft(cleanTitle, PortalTime.instant(startsAt),
                cleanVenue, cleanAgenda.isEmpty() ? null : cleanAgenda, rehearsal), user.actor());
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        PortalMessages.info("events.created", created.title(), created.joinCode());
        return "/admin/events/console.xhtml?faces-redirect=true&event=" + created.id();
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    /** The events could be read (false after a refusal: the page shows only the message and, maybe, the form). */
    public boolean isLoaded() {
        return loaded;
    }

    public List<EventItem> getEvents() {
        return events;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalDateTime startsAt) {
        this.startsAt = startsAt;
    }

    public String getVenue() {
        return venue;
    }

    public void setVenue(String venue) {
        this.venue = venue;
    }

    public String getAgenda() {
        return agenda;
    }

    public void setAgenda(String agenda) {
        this.agenda = agenda;
    }

    public boolean isRehearsal() {
        return rehearsal;
    }

    public void setRehearsal(boolean rehearsal) {
        this.rehearsal = rehearsal;
    }
}
