// The limits of a citizen's poll, as the REST API's records declare them (PollDraft, QuestionDraft, CitizenPollDraft);
// MobileLimitsTest fails the build when one here differs from its Java constant, so the phone never promises more.
export const TITLE_LENGTH = 200;
export const DESCRIPTION_LENGTH = 4000;
export const MAX_QUESTIONS = 5;
export const QUESTION_TEXT_LENGTH = 1000;
export const MAX_OPTIONS = 30;
export const MAX_SCALE = 10;
export const MAX_INVITEES = 500;
