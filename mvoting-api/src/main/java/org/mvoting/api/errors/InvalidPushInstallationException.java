package org.mvoting.api.errors;

import java.util.Locale;

/** A push installation that cannot be registered: an unknown platform, or a blank or too long token. */
public class InvalidPushInstallationException extends BusinessException {

    private static final long serialVersionUID = 1L;

    /** What is wrong; the problem code is {@code push-platform-invalid} or {@code push-token-invalid}. */
    public enum Reason { PLATFORM, TOKEN }

    public InvalidPushInstallationException(Reason reason) {
        super(ErrorKind.INVALID, "push-" + reason.name().toLowerCase(Locale.ROOT) + "-invalid");
    }
}
