package org.mvoting.api.errors;

/** A policy-cycle step or document breaks a rule of the cycle; the {@link Reason} names which. */
public class PolicyCycleException extends BusinessException {

    private static final long serialVersionUID = 1L;

    /** Each rule, with the kind of refusal it is. */
    public enum Reason {
        /** Only city-to-citizen polls carry a policy cycle. */
        NOT_A_CITY_POLL(ErrorKind.INVALID),
        /** The cycle is what followed the poll: it starts when the poll has closed. */
        POLL_NOT_CLOSED(ErrorKind.CONFLICT),
        /** A stage before this one has not been recorded yet ({0} = the stage to record first). */
        STAGE_OUT_OF_ORDER(ErrorKind.CONFLICT),
        /** The stage has an entry already: a change is a correction of that entry ({0} = its id). */
        STAGE_ALREADY_RECORDED(ErrorKind.CONFLICT),
        /** A correction must name the stage's current entry ({0}). */
        NOT_CURRENT_STEP(ErrorKind.CONFLICT),
        /** A step happened on or after the poll's last day ({0}). */
        DATE_BEFORE_POLL_CLOSED(ErrorKind.INVALID),
        /** A step records what happened: not a day after today in the city ({0}). */
        DATE_IN_FUTURE(ErrorKind.INVALID),
        /** Not before the earlier stage's day ({0} on {1}). */
        DATE_BEFORE_EARLIER_STAGE(ErrorKind.INVALID),
        /** A correction not after the later stage's day ({0} on {1}). */
        DATE_AFTER_LATER_STAGE(ErrorKind.INVALID),
        /** Blank or longer than {0} characters. */
        SUMMARY_INVALID(ErrorKind.INVALID),
        /** The document is not a PDF. */
        DOCUMENT_NOT_PDF(ErrorKind.INVALID),
        /** The document is empty or larger than {0} bytes. */
        DOCUMENT_SIZE(ErrorKind.INVALID),
        /** The step has its document already. */
        DOCUMENT_ATTACHED(ErrorKind.CONFLICT);

        private final ErrorKind kind;

        Reason(ErrorKind kind) {
            this.kind = kind;
        }
    }

    public PolicyCycleException(Reason reason, Object... arguments) {
        super(reason.kind, "policy-" + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), arguments);
    }

    /** The rule that refused, for callers (and tests) that branch on it. */
    public Reason reason() {
        return Reason.valueOf(code().substring("policy-".length()).toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
