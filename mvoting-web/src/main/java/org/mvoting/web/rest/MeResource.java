package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.citizens.CitizenAccount;
import org.mvoting.api.citizens.CitizenProfile;
import org.mvoting.api.citizens.Participation;
import org.mvoting.api.citizens.PushInstallations;
import org.mvoting.api.errors.InvalidTokenException;
import org.mvoting.api.errors.NotFoundException;
import org.mvoting.api.mileage.Mileage;
import org.mvoting.api.mileage.MileageStatement;
import org.mvoting.api.polls.PollSummary;
import org.mvoting.web.rest.security.VoterAuthenticator;

/**
 * The signed-in citizen's own data: the optional panel profile (with consent), their participation history, their
 * mileage and the app installations that receive push notifications.
 */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @EJB
    private CitizenAccount account;

    @EJB
    private PushInstallations installations;

    @EJB
    private Mileage mileage;

    @Context
    private HttpHeaders headers;

    @Context
    private UriInfo uri;

    /** An app installation's push service token; platform is ANDROID, IOS or WEB. */
    public record PushRegistration(String platform, String token, String language) {
    }

    /** A browser's push subscription as {@code PushSubscription.toJSON()} gives it; expirationTime is ignored. */
    public record WebPushSubscriptionRequest(String endpoint, WebPushKeys keys, String language) {
    }

    /** The subscription's keys, base64url: {@code p256dh} (65 bytes) and {@code auth} (16 bytes). */
    public record WebPushKeys(String p256dh, String auth) {
    }

    /** The city's VAPID public key, base64url, for {@code pushManager.subscribe}'s applicationServerKey. */
    public record WebPushPublicKey(String publicKey) {
    }

    /** The id the app uses to unregister. */
    public record PushInstallationId(UUID id) {
    }

    @GET
    @Path("profile")
    public CitizenProfile profile() {
        return account.profile(token()).orElseThrow(() -> new NotFoundException("profile-not-found", "me"));
    }

    @PUT
    @Path("profile")
    @Consumes(MediaType.APPLICATION_JSON)
    public CitizenProfile saveProfile(@Valid @NotNull CitizenProfile profile) {
        return account.saveProfile(token(), profile);
    }

    /** Withdraws consent: the profile is deleted. */
    @DELETE
    @Path("profile")
    public Response withdrawProfile() {
        if (!account.withdrawProfile(token())) {
            throw new NotFoundException("profile-not-found", "me");
        }
        return Response.noContent().build();
    }

    /** Open polls that list my phone and that I have not voted in yet (the home page's "invited" list). */
    @GET
    @Path("invitations")
    public List<PollSummary> invitations() {
        return account.invitedPolls(token());
    }

    @GET
    @Path("participations")
    public List<Participation> participations() {
        return account.participations(token(), 100);
    }

    /** My mileage: balance, the payee code the city pays me under, and the history (awards and reversals). */
    @GET
    @Path("mileage")
    public MileageStatement mileage() {
        return mileage.statement(token());
    }

    /** Registers (or refreshes) the app installation's push token for this citizen. */
    @POST
    @Path("push-installations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response registerPush(@NotNull PushRegistration registration) {
        // the app's own choice of language, else the language the request asks for, else Korean
        String language = registration.language() != null ? registration.language()
                : headers.getAcceptableLanguages().isEmpty() ? null : headers.getAcceptableLanguages().get(0).toLanguageTag();
        UUID id = installations.register(token(), registration.platform(), registration.token(), language);
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .entity(new PushInstallationId(id)).build();
    }

    /** The key my page subscribes with; 404 {@code web-push-off} when the city has no VAPID keys. */
    @GET
    @Path("web-push-subscriptions/key")
    public WebPushPublicKey webPushKey() {
        token(); // only for a signed-in citizen, like the subscription itself
        return new WebPushPublicKey(installations.webPushPublicKey()
                .orElseThrow(() -> new NotFoundException("web-push-off", "web-push")));
    }

    /**
     * Registers this browser's Web Push subscription (my page's "알림 받기"); 201 with the installation id, which
     * {@code DELETE push-installations/{id}} removes like any other installation.
     */
    @POST
    @Path("web-push-subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response subscribeWebPush(@NotNull WebPushSubscriptionRequest subscription) {
        String language = subscription.language() != null ? subscription.language()
                : headers.getAcceptableLanguages().isEmpty() ? null : headers.getAcceptableLanguages().get(0).toLanguageTag();
        WebPushKeys keys = subscription.keys() == null ? new WebPushKeys(null, null) : subscription.keys();
        UUID id = installations.subscribeWebPush(token(), subscription.endpoint(), keys.p256dh(), keys.auth(), language);
        return Response.created(uri.getBaseUriBuilder().path("me/push-installations").path(id.toString()).build())
                .entity(new PushInstallationId(id)).build();
    }

    /** The app stops receiving push notifications (sign-out, uninstall); only the citizen's own installations. */
    @DELETE
    @Path("push-installations/{installationId}")
    public Response unregisterPush(@PathParam("installationId") String installationId) {
        installations.unregister(token(), installationId(installationId));
        return Response.noContent().build();
    }

    /** An id that cannot exist is not found (null), after the token has been checked. */
    private static UUID installationId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String token() {
        return VoterAuthenticator.bearerToken(headers)
                .orElseThrow(() -> new InvalidTokenException(InvalidTokenException.Reason.MISSING));
    }
}
