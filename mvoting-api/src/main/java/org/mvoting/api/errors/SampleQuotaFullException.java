package org.mvoting.api.errors;

/** The voter's quota cell of a PANEL_SAMPLE poll is full: no ballot is taken (nothing was recorded). */
public class SampleQuotaFullException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public SampleQuotaFullException() {
        super(ErrorKind.CONFLICT, "sample-quota-full");
    }
}
