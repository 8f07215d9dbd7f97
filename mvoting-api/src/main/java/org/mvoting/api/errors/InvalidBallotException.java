package org.mvoting.api.errors;

/** The ballot does not fit the poll's questions; the reason is part of the problem type. */
public class InvalidBallotException extends BusinessException {

    private static final long serialVersionUID = 1L;

    /** Why a ballot is refused. */
    public enum Reason {
        OPTION_NOT_IN_QUESTION("ballot-option-not-in-question"),
        TOO_MANY_SELECTIONS("ballot-too-many-selections"),
        TOO_FEW_SELECTIONS("ballot-too-few-selections"),
        UNKNOWN_QUESTION("ballot-unknown-question"),
        MISSING_ANSWER("ballot-missing-answer"),
        DUPLICATE_ANSWER("ballot-duplicate-answer"),
        DUPLICATE_OPTION("ballot-duplicate-option");

        private final String code;

        Reason(String code) {
            this.code = code;
        }
    }

    private final Reason reason;

    public InvalidBallotException(Reason reason, Object... arguments) {
        super(ErrorKind.INVALID, reason.code, arguments);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
