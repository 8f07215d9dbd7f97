package org.mvoting.api.errors;

/** A sample design changes only while its poll is a draft: the head approved this one with the poll. */
public class SampleDesignLockedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public SampleDesignLockedException() {
        super(ErrorKind.CONFLICT, "sample-design-locked");
    }
}
