package org.mvoting.api.errors;

import java.util.Locale;

/**
 * A push installation that cannot be registered: an unknown platform, a blank or too long token, or a browser's
 * Web Push subscription that is not one (an endpoint that is not https at a known push service, keys of the wrong
 * length).
 */
public class InvalidPushInstallationException extends BusinessException {

    private static final long serialVersionUID = 1L;

    /** What is wrong; the problem code is {@code push-platform-invalid}, {@code push-token-invalid} or {@code push-subscription-invalid}. */
    public enum Reason { PLATFORM, TOKEN, SUBSCRIPTION }

    public InvalidPushInstallationException(Reason reason) {
        super(ErrorKind.INVALID, "push-" + reason.name().toLowerCase(Locale.ROOT) + "-invalid");
    }
}
