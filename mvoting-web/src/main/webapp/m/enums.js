// The API's enum values the citizen forms offer, in one place: MobileTextsTest compares each list with its Java enum.

/** Why a citizen reports a citizen's poll, in the order of ReportReason. */
export const REPORT_REASONS = ['ABUSIVE', 'PERSONAL_INFORMATION', 'POLITICAL', 'COMMERCIAL', 'SPAM', 'OTHER'];

/** Gender, in the enum's order. */
export const GENDERS = ['FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED'];
/** SeoulDistrict, in the enum's order; the select shows them sorted by name in the chosen language. */
export const DISTRICTS = ['JONGNO', 'JUNG', 'YONGSAN', 'SEONGDONG', 'GWANGJIN', 'DONGDAEMUN', 'JUNGNANG', 'SEONGBUK',
  'GANGBUK', 'DOBONG', 'NOWON', 'EUNPYEONG', 'SEODAEMUN', 'MAPO', 'YANGCHEON', 'GANGSEO', 'GURO', 'GEUMCHEON',
  'YEONGDEUNGPO', 'DONGJAK', 'GWANAK', 'SEOCHO', 'GANGNAM', 'SONGPA', 'GANGDONG'];

/** Who may vote in a citizen's poll, in the order of CitizenPollVisibility. */
export const CITIZEN_VISIBILITIES = ['PUBLIC', 'PASSWORD', 'INVITE_ONLY'];

/** QuestionType, in the order the question editor offers them (the test compares them as sets). */
export const QUESTION_TYPES = ['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'YES_NO', 'SCALE', 'RANKING'];
/** ResultsVisibility, in the enum's order. */
export const RESULTS_CHOICES = ['LIVE', 'AFTER_VOTING', 'AFTER_CLOSE'];
/** PolicyStage, in the order a poll's policy cycle runs (the results page lists them so). */
export const POLICY_STAGES = ['AGENDA', 'DECISION', 'EXECUTION', 'EVALUATION'];
