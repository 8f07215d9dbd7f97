package org.mvoting.api.errors;

/**
 * The mobile office's identity provider cannot be asked for its keys now (its key set does not answer, or answers
 * nonsense) and no key fetched earlier fits the token: the token is not judged bad, only not checkable yet (503).
 */
public class IdentityProviderUnavailableException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public IdentityProviderUnavailableException() {
        super(ErrorKind.UNAVAILABLE, "mobile-office-unavailable");
    }
}
