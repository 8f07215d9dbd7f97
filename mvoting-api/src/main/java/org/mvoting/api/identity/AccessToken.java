package org.mvoting.api.identity;

import java.time.Instant;

/** A signed mVoting bearer token. */
public record AccessToken(String token, String tokenType, Instant expiresAt) {
}
