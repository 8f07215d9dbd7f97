package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.mvoting.api.audit.Download;
import org.mvoting.api.audit.DownloadRecords;
import org.mvoting.api.events.EventAdministration;
import org.mvoting.api.events.EventDraft;
import org.mvoting.api.events.EventInvitations;
import org.mvoting.api.events.EventOperator;
import org.mvoting.api.events.TokenBatch;
import org.mvoting.api.events.EventView;
import org.mvoting.api.events.Registration;
import org.mvoting.api.events.IssuedTokens;
import org.mvoting.api.events.ParticipantRow;
import org.mvoting.api.polls.ListImportReport;
import org.mvoting.web.imports.ParticipantListFile;
import org.mvoting.web.imports.PhoneListFile;
import org.mvoting.web.reports.TokenSheetPdf;
import org.mvoting.web.rest.security.StaffOnly;
import org.mvoting.web.shortlink.ShortLinkServlet;

/**
 * Event operators set events up (role EVENT_OPERATOR, on the events assigned to them): the event, its operators, its
 * participants, its printed tokens and the token batches waiting for a second person.
 */
@Path("/admin/events")
@Produces(MediaType.APPLICATION_JSON)
@StaffOnly
public class AdminEventsResource {

    /** Participants as JSON rows (a file import takes the same rows). */
    public record Participants(@NotNull @Size(max = 3_000) List<@NotNull ParticipantRow> participants) {
    }

    /** A member of staff to assign, by portal ID. */
    public record Assignee(@NotNull @Size(min = 1, max = 64) String staffId) {
    }

    @EJB
    private DownloadRecords downloads;

    @EJB
    private EventAdministration events;

    @Context
    private HttpServletRequest http;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull EventDraft draft, @Context UriInfo uri) {
        EventView created = events.createEvent(draft, RequestActor.of(http));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    public List<EventView> events() {
        return events.events();
    }

    @GET
    @Path("{eventId}")
    public EventView event(@PathParam("eventId") String eventId) {
        return events.event(PathIds.poll(eventId));
    }

    /** Registers participants; rows that cannot be used come back in the report with their row numbers (from 1). */
    @POST
    @Path("{eventId}/participants")
    @Consumes(MediaType.APPLICATION_JSON)
    public ListImportReport importParticipants(@PathParam("eventId") String eventId, @Valid @NotNull Participants rows) {
        return events.importParticipants(PathIds.poll(eventId), rows.participants(), 1, RequestActor.of(http));
    }

    /** Ends the rehearsal: its participants and tokens are deleted and the event is the real one, clean. */
    @POST
    @Path("{eventId}/rehearsal/wipe")
    public EventView wipeRehearsal(@PathParam("eventId") String eventId) {
        return events.wipeRehearsal(PathIds.poll(eventId), RequestActor.of(http));
    }

    /** A participant list file (CSV or Excel: name, phone, group), with a report of every row not used. */
    @POST
    @Path("{eventId}/participants/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, PhoneListFile.XLSX})
    public ListImportReport importParticipantFile(@PathParam("eventId") String eventId,
                                                  @jakarta.ws.rs.HeaderParam("Content-Type") String type, byte[] file) {
        ParticipantListFile list;
        try {
            list = ParticipantListFile.read(file, type);
        } catch (PhoneListFile.UnreadableFileException e) {
            throw new org.mvoting.api.errors.InvalidPollException("phone-list-unreadable", e.getMessage());
        }
        return events.importParticipants(PathIds.poll(eventId), list.rows(), list.firstRow(), RequestActor.of(http));
    }

    /** Self-registrations: the pending ones first. */
    @GET
    @Path("{eventId}/registrations")
    public List<Registration> registrations(@PathParam("eventId") String eventId) {
        return events.registrations(PathIds.poll(eventId));
    }

    @POST
    @Path("{eventId}/registrations/{registrationId}/approve")
    public Registration approve(@PathParam("eventId") String eventId, @PathParam("registrationId") String registrationId) {
        return events.decideRegistration(PathIds.poll(eventId), PathIds.poll(registrationId), true, RequestActor.of(http));
    }

    @POST
    @Path("{eventId}/registrations/{registrationId}/decline")
    public Registration decline(@PathParam("eventId") String eventId, @PathParam("registrationId") String registrationId) {
        return events.decideRegistration(PathIds.poll(eventId), PathIds.poll(registrationId), false, RequestActor.of(http));
    }

    /** One SMS with the event link to every participant registered with a phone and not invited yet. */
    @POST
    @Path("{eventId}/invitations")
    public EventInvitations invite(@PathParam("eventId") String eventId) {
        return events.inviteParticipants(PathIds.poll(eventId), ShortLinkServlet.trustedPublicBase(http), RequestActor.of(http));
    }

    /** Issues printed secret tokens: the codes come back this once (only their keyed hashes are kept). */
    @POST
    @Path("{eventId}/tokens")
    public IssuedTokens issueTokens(@PathParam("eventId") String eventId, @QueryParam("count") String count) {
        return events.issueTokens(PathIds.poll(eventId), PathIds.nonNegative(count, 0), RequestActor.of(http));
    }

    /**
     * Issues ?count= tokens as a printable PDF of cut-out cards: each card's QR opens the join page with its code
     * filled in. The codes exist in clear only in this file.
     */
    @POST
    @Path("{eventId}/token-sheet")
    @Produces("application/pdf")
    public Response tokenSheet(@PathParam("eventId") String eventId, @QueryParam("count") String count)
            throws java.io.IOException {
        EventView event = events.event(PathIds.poll(eventId));
        IssuedTokens issued = events.issueTokens(event.id(), PathIds.nonNegative(count, 0), RequestActor.of(http));
        String base = ShortLinkServlet.trustedPublicBase(http) + "/m/#/events/" + issued.joinCode() + "?token=";
        byte[] pdf = TokenSheetPdf.render(event.title(), java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .withZone(org.mvoting.web.portal.PortalTime.zone()).format(event.startsAt()) + " · " + event.venue(),
                issued.codes().stream().map(code -> new TokenSheetPdf.Card(code, base + code)).toList());
        // issuing the tokens is recorded by the service (event.issue-tokens); this is the sheet leaving the building
        downloads.downloaded(Download.TOKEN_SHEET, event.id().toString(), issued.codes().size() + " cards",
                RequestActor.of(http));
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"mvoting-tokens-" + issued.joinCode() + ".pdf\"")
                .header("Cache-Control", "no-store").build();
    }

    /** The event's operators: its creator, then those assigned. */
    @GET
    @Path("{eventId}/operators")
    public List<EventOperator> operators(@PathParam("eventId") String eventId) {
        return events.operators(PathIds.poll(eventId));
    }

    /** Assigns an operator (by the creator, the head of the event's department, or ADMIN). */
    @POST
    @Path("{eventId}/operators")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<EventOperator> assign(@PathParam("eventId") String eventId, @Valid @NotNull Assignee assignee) {
        return events.assignOperator(PathIds.poll(eventId), assignee.staffId(), RequestActor.of(http));
    }

    @DELETE
    @Path("{eventId}/operators/{staffId}")
    public List<EventOperator> unassign(@PathParam("eventId") String eventId, @PathParam("staffId") String staffId) {
        return events.unassignOperator(PathIds.poll(eventId), staffId, RequestActor.of(http));
    }

    /** Token batches issued during the event and waiting for a second person. */
    @GET
    @Path("{eventId}/token-batches")
    public List<TokenBatch> pendingTokenBatches(@PathParam("eventId") String eventId) {
        return events.pendingTokenBatches(PathIds.poll(eventId));
    }

    @POST
    @Path("{eventId}/token-batches/{batchId}/confirm")
    public TokenBatch confirmTokens(@PathParam("eventId") String eventId, @PathParam("batchId") String batchId) {
        return events.decideTokenBatch(PathIds.poll(eventId), PathIds.poll(batchId), true, RequestActor.of(http));
    }

    @POST
    @Path("{eventId}/token-batches/{batchId}/decline")
    public TokenBatch declineTokens(@PathParam("eventId") String eventId, @PathParam("batchId") String batchId) {
        return events.decideTokenBatch(PathIds.poll(eventId), PathIds.poll(batchId), false, RequestActor.of(http));
    }
}
