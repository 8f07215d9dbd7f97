package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.mvoting.api.errors.InvalidTokenException;
import org.mvoting.api.identity.AccessToken;
import org.mvoting.api.identity.CertificateChallenge;
import org.mvoting.api.identity.CertificateProof;
import org.mvoting.api.identity.CertificateSignIn;
import org.mvoting.api.identity.CitizenSignIn;
import org.mvoting.api.identity.CodeRequested;
import org.mvoting.web.rest.security.DeviceIdentifiers;
import org.mvoting.web.rest.security.VoterAuthenticator;

/**
 * Citizen sign-in: ask for an SMS code, then exchange it for a bearer token; sign out (this token) or sign out
 * everywhere (every token of the citizen), after which those tokens get 401 token-revoked on every node. Or sign in
 * by certificate: fetch a challenge, sign it with the certificate's key, exchange it for a CERTIFICATE-level token.
 */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** Asks for a code. */
    public record CodeRequest(@NotBlank @Size(max = 32) String phone) {
    }

    /** Presents the code. */
    public record TokenRequest(@NotBlank @Size(max = 32) String phone, @NotBlank @Size(max = 12) String code) {
    }

    /** A certificate sign-in: the chain, the challenge as issued, the signature over it (see {@link CertificateProof}). */
    public record CertificateTokenRequest(
            @NotNull @Size(min = 1, max = CertificateProof.MAX_CHAIN)
            List<@NotBlank @Size(max = CertificateProof.CERTIFICATE_LENGTH) String> chain,
            @NotBlank @Size(max = CertificateProof.TOKEN_LENGTH) String challenge,
            @NotBlank @Size(max = CertificateProof.TOKEN_LENGTH) String signature) {
    }

    @EJB
    private CitizenSignIn signIn;

    @EJB
    private CertificateSignIn certificates;

    @POST
    @Path("codes")
    public Response requestCode(@Valid @NotNull CodeRequest request, @Context HttpServletRequest http) {
        // the address as the server sees it: behind a trusted proxy (MVOTING_PROXY_ADDRESS_FORWARDING) the client's
        CodeRequested requested = signIn.requestCode(request.phone(), http.getRemoteAddr());
        return Response.accepted(requested).build();
    }

    @POST
    @Path("tokens")
    public Response verifyCode(@Valid @NotNull TokenRequest request, @Context HttpHeaders headers) {
        // the device signed in on is bound to this citizen the first time (see CitizenSignIn)
        AccessToken token = signIn.verifyCode(request.phone(), request.code(),
                DeviceIdentifiers.of(headers).orElse(null));
        return Response.status(Response.Status.CREATED).entity(token).header("Cache-Control", "no-store").build();
    }

    /** A one-time challenge for a certificate sign-in. */
    @POST
    @Path("certificate-challenges")
    public Response certificateChallenge() {
        CertificateChallenge challenge = certificates.challenge();
        return Response.status(Response.Status.CREATED).entity(challenge).header("Cache-Control", "no-store").build();
    }

    /** The signed challenge and the certificate chain for a short-lived CERTIFICATE-level token. */
    @POST
    @Path("certificate-tokens")
    public Response certificateToken(@Valid @NotNull CertificateTokenRequest request) {
        AccessToken token = certificates.signIn(new CertificateProof(request.chain(), request.challenge(),
                request.signature()));
        return Response.status(Response.Status.CREATED).entity(token).header("Cache-Control", "no-store").build();
    }

    /** Signs this token out: refused from now on. */
    @DELETE
    @Path("token")
    public Response signOut(@Context HttpHeaders headers) {
        signIn.signOut(bearer(headers));
        return Response.noContent().build();
    }

    /** Signs out everywhere: every token the citizen holds now is refused from now on. */
    @DELETE
    @Path("tokens")
    public Response signOutEverywhere(@Context HttpHeaders headers) {
        signIn.signOutEverywhere(bearer(headers));
        return Response.noContent().build();
    }

    private static String bearer(HttpHeaders headers) {
        return VoterAuthenticator.bearerToken(headers)
                .orElseThrow(() -> new InvalidTokenException(InvalidTokenException.Reason.MISSING));
    }
}
