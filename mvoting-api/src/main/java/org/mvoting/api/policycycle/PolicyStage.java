package org.mvoting.api.policycycle;

/** The stages of the policy cycle, in the order they are recorded: a stage only after every one before it. */
public enum PolicyStage {
    AGENDA, DECISION, EXECUTION, EVALUATION;

    /** The stage before this one, or null for the agenda. */
    public PolicyStage previous() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    /** The stage after this one, or null after the evaluation. */
    public PolicyStage following() {
        return ordinal() == values().length - 1 ? null : values()[ordinal() + 1];
    }
}
