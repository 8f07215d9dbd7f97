package org.mvoting.api.polls;

/** The kinds of question a poll may ask. */
public enum QuestionType {
    YES_NO, SINGLE_CHOICE, MULTIPLE_CHOICE, SCALE, RANKING
}
