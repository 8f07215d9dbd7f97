// The limits of a citizen's poll and an event registration, as the REST API declares them (PollDraft, QuestionDraft,
// CitizenPollDraft, EventEntry);
// MobileLimitsTest fails the build when one here differs from its Java constant, so the phone never promises more.
export const TITLE_LENGTH = 200;
export const DESCRIPTION_LENGTH = 4000;
export const MAX_QUESTIONS = 5;
export const QUESTION_TEXT_LENGTH = 1000;
export const MAX_OPTIONS = 30;
export const MAX_SCALE = 10;
export const MAX_INVITEES = 500;
export const NAME_LENGTH = 100;
