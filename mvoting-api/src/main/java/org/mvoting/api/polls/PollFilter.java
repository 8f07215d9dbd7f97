package org.mvoting.api.polls;

/** What the portal's poll list filters on; null means "any". {@code text} searches the title. */
public record PollFilter(PollStatus status, PollKind kind, String departmentCode, String text, boolean awaitingMyApproval) {

    public static PollFilter any() {
        return new PollFilter(null, null, null, null, false);
    }
}
