package org.mvoting.web.rest.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Locale;
import java.util.Optional;
import org.mvoting.api.ballots.Channel;
import org.mvoting.api.errors.InvalidTokenException;
import org.mvoting.api.identity.AccessTokens;
import org.mvoting.api.identity.DeviceVoters;
import org.mvoting.api.identity.VoterCredential;
import org.mvoting.api.staff.StaffDirectory;

/**
 * Reads the citizen's bearer token (Authorization: Bearer ...), the device (X-Device-Id or the mobile web's
 * cookie) and the channel (X-MVoting-Channel: WEB or APP; WEB when absent). Without a token, the device alone
 * is a DEVICE-level voter (enough for device-level polls only). Stateless: no HTTP session is created, so any
 * node can serve any vote.
 */
@ApplicationScoped
public class VoterAuthenticator {

    public static final String CHANNEL_HEADER = "X-MVoting-Channel";

    @EJB
    private AccessTokens tokens;

    @EJB
    private StaffDirectory staff;

    @EJB
    private DeviceVoters devices;

    /**
     * The voter behind a request: a member of staff when the container authenticated one (portal session,
     * Basic with the directory password, or a mobile-office token), else the citizen's bearer token.
     */
    public VoterCredential require(HttpHeaders headers, SecurityContext security) {
        return optional(headers, security)
                .orElseThrow(() -> new InvalidTokenException(InvalidTokenException.Reason.MISSING));
    }

    /** As {@link #require(HttpHeaders, SecurityContext)}, but empty when the request names nobody and no device. */
    public Optional<VoterCredential> optional(HttpHeaders headers, SecurityContext security) {
        if (security.getUserPrincipal() != null) {
            return Optional.of(staff.voterCredential(channel(headers)));
        }
        Optional<String> device = DeviceIdentifiers.of(headers);
        Optional<VoterCredential> citizen = optional(headers);
        if (citizen.isPresent()) {
            return Optional.of(device.map(id -> devices.onDevice(citizen.get(), id)).orElse(citizen.get()));
        }
        return device.map(id -> devices.unauthenticated(id, channel(headers)));
    }

    /** The citizen behind the bearer token; 401 without one. */
    public VoterCredential require(HttpHeaders headers) {
        return optional(headers).orElseThrow(() -> new InvalidTokenException(InvalidTokenException.Reason.MISSING));
    }

    /** The citizen behind the bearer token: empty when no Authorization header is sent; one that is sent must be valid. */
    public Optional<VoterCredential> optional(HttpHeaders headers) {
        return bearerToken(headers).map(token -> tokens.authenticate(token, channel(headers)));
    }

    /** The bearer token sent, if any: empty without an Authorization header, refused when it is not "Bearer ...". */
    public static Optional<String> bearerToken(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
        }
        return Optional.of(authorization.substring(7).strip());
    }

    private static Channel channel(HttpHeaders headers) {
        String value = headers.getHeaderString(CHANNEL_HEADER);
        if (value == null || value.isBlank()) {
            return Channel.WEB;
        }
        return switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "APP" -> Channel.APP;
            default -> Channel.WEB;
        };
    }
}
