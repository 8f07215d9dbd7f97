package org.mvoting.api.polls;

/** How strongly a voter proved who they are, weakest first; a poll names the minimum it accepts. */
public enum AssuranceLevel {
    DEVICE, SMS_VERIFIED, CERTIFICATE;

    /** True when this level is at least as strong as {@code required}. */
    public boolean satisfies(AssuranceLevel required) {
        return compareTo(required) >= 0;
    }
}
