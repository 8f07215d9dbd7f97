package org.mvoting.domain.moderation;

/**
 * What a screened text was caught for. Personal information refuses the poll and the citizen is told what to
 * remove, because a published number or address cannot be taken back; the word categories only hold the poll
 * for a moderator, because whether a word is abuse, campaigning or advertising depends on its context.
 */
public enum ScreeningCategory {

    /** A Korean resident registration number (주민등록번호) with a valid check digit. */
    RESIDENT_REGISTRATION_NUMBER(true),
    /** A Korean mobile, landline, 070/080 or 1588-style number. */
    PHONE_NUMBER(true),
    EMAIL(true),
    /** Profanity, insults and slurs. */
    ABUSIVE(false),
    /** Elections, parties and politicians: the platform's polls are civic, not partisan. */
    POLITICAL(false),
    /** Advertising and sales. */
    COMMERCIAL(false);

    private final boolean personalInformation;

    ScreeningCategory(boolean personalInformation) {
        this.personalInformation = personalInformation;
    }

    /** True for what refuses a poll outright; false for what sends it to the moderation queue. */
    public boolean isPersonalInformation() {
        return personalInformation;
    }
}
