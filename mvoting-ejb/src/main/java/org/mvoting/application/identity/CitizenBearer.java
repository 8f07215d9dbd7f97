package org.mvoting.application.identity;

import java.util.UUID;

/**
 * Who a citizen's bearer token speaks for: the citizen ("sub") and the voter key of their phone ("vk"). Read
 * through {@link CitizenTokens#holder(String)}, which also refuses a signed-out token.
 */
public record CitizenBearer(UUID citizenId, byte[] voterKey) {
}
