package org.mvoting.web.admin.events;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.events.EventAdministration;
import org.mvoting.api.events.EventInvitations;
import org.mvoting.web.portal.PortalMessages;
import org.mvoting.web.portal.PortalText;
import org.mvoting.web.portal.PortalUser;
import org.mvoting.web.portal.view.RegistrationItem;
import org.mvoting.web.shortlink.ShortLinkServlet;

/**
 * Before the day, on the console (/admin/events/console.xhtml): the citizens' requests to take part (approve or
 * decline), the registration link to share, and the SMS invitations to the participants. Read on opening and on
 * demand, never by the p:poll: the list changes rarely, and its buttons must not be redrawn under the operator's
 * pointer every second.
 */
@Named
@ViewScoped
public class ConsoleRegistrationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The request parameter (an f:param of approve and decline) naming the registration acted on. */
    static final String REGISTRATION_PARAMETER = "registration";

    @EJB
    private EventAdministration administration;

    @Inject
    private PortalUser user;

    @Inject
    private EventConsoleBacking live;

    /** Pending first (oldest first), then the decided ones, as the service orders them. */
    private List<RegistrationItem> registrations = List.of();
    /** The registration link to share, or why it cannot be given (registrationLinkProblem). */
    private String registrationLink;
    private String registrationLinkProblem;

    /** The f:viewAction after EventConsoleBacking's: nothing when the console could not be read. */
    public void load() {
        if (!live.isLoaded()) {
            return;
        }
        showRegistrationLink();
        loadRegistrations();
    }

    /** 새로 고침 of the registrations panel. */
    public void refreshRegistrations() {
        loadRegistrations();
    }

    /** 승인: the citizen becomes a participant (by their phone), so the header's count grows with the next refresh. */
    public void approve() {
        decide(true, "console.registrations.approved");
    }

    public void decline() {
        decide(false, "console.registrations.declined");
    }

    private void decide(boolean approve, String doneKey) {
        registration().ifPresent(r -> {
            try {
                administration.decideRegistration(live.eventId(), UUID.fromString(r.getId()), approve, user.actor());
                PortalMessages.info(doneKey, r.getName());
            } finally {
                PortalMessages.reload(this::loadRegistrations); // refused or not, the requests as they are now
            }
        });
    }

    /**
     * SMS 초대 보내기: one SMS with the event link to each participant with a phone number not invited yet (sending
     * again reaches only those added since). The link must be the public address, never a Host header a client chose.
     */
    public void invite() {
        if (live.eventId() == null) {
            return;
        }
        EventInvitations sent = administration.inviteParticipants(live.eventId(),
                ShortLinkServlet.trustedPublicBase(request()), user.actor());
        PortalMessages.info("console.invite.sent", sent.queuedNow(), sent.invited(), sent.withoutPhone(),
                sent.participants());
    }

    private void loadRegistrations() {
        if (live.eventId() == null) {
            return;
        }
        registrations = administration.registrations(live.eventId()).stream().map(RegistrationItem::new).toList();
    }

    /** The link, or (MVOTING_PUBLIC_URL missing) why there is none, shown in its place rather than as a message. */
    private void showRegistrationLink() {
        try {
            registrationLink = registrationLink(ShortLinkServlet.trustedPublicBase(request()),
                    live.getHeader().getJoinCode());
            registrationLinkProblem = null;
        } catch (RuntimeException e) {
            registrationLink = null;
            registrationLinkProblem = PortalMessages.of(e, PortalText.current()).getSummary();
        }
    }

    /** The mobile web's registration page of the event with this join code, on the public address {@code base}. */
    static String registrationLink(String base, String joinCode) {
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return trimmed + "/m/#/events/" + joinCode + "/register";
    }

    /** The registration the pressed button belongs to (its f:param), as last listed; a message when it is gone. */
    private Optional<RegistrationItem> registration() {
        return EventConsoleBacking.pressed(registrations, REGISTRATION_PARAMETER, RegistrationItem::getId,
                "console.registrations.unknown", this::loadRegistrations);
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    // --- what the page reads --------------------------------------------------------------------

    public List<RegistrationItem> getRegistrations() {
        return registrations;
    }

    public long getPendingRegistrations() {
        return registrations.stream().filter(RegistrationItem::isPending).count();
    }

    /** {public address}/m/#/events/{join code}/register; null when the public address is not configured. */
    public String getRegistrationLink() {
        return registrationLink;
    }

    /** Why there is no registration link (MVOTING_PUBLIC_URL missing), in the page's language; else null. */
    public String getRegistrationLinkProblem() {
        return registrationLinkProblem;
    }
}
