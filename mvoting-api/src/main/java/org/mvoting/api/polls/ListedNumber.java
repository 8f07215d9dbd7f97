package org.mvoting.api.polls;

/**
 * One listed phone number as staff see it: masked (010-****-5678), with its latest invitation's state and,
 * when it failed, why (say, the per-number limit).
 */
public record ListedNumber(String phone, State invitation, String failure) {

    /** The latest invitation's state. */
    public enum State { NOT_INVITED, QUEUED, SENT, FAILED }
}
