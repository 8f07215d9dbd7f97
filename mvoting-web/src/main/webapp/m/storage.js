// What this device keeps between pages: receipts, the ballot being sent, an event's pass and ballots, a form draft.
//
// Receipts outlive the tab (localStorage); the rest is per tab (sessionStorage). Storage can be off (private mode):
// every reader then answers "nothing kept" and every writer gives up quietly, so the pages still work for this load.

const RECEIPTS_KEY = 'mvoting.receipts';
const EVENT_PASS_KEY = 'mvoting.eventPass';
const EVENT_VOTES_KEY = 'mvoting.eventVotes';
const DRAFT_KEY = 'mvoting.citizenPollDraft';

export function receipts() {
  try {
    return JSON.parse(localStorage.getItem(RECEIPTS_KEY) || '{}') || {};
  } catch {
    return {};
  }
}

export function rememberReceipt(pollId, receipt) {
  try {
    localStorage.setItem(RECEIPTS_KEY, JSON.stringify({ ...receipts(), [pollId]: receipt }));
  } catch {
    // the receipt view still shows it; keeping it is a convenience
  }
}

/** On signing out: a shared phone should not show whose receipts these were. */
export function forgetReceipts() {
  try {
    localStorage.removeItem(RECEIPTS_KEY);
  } catch {
    // nothing kept
  }
}

/**
 * The Idempotency-Key for sending this ballot: the same key as long as the same choices are sent again (a retry
 * after a lost answer returns the first receipt), a new one when the choices changed. Kept in sessionStorage,
 * so a reload of the tab keeps it and another tab does not share it.
 */
function attemptKey(pollId) {
  return `mvoting.vote.${pollId}`;
}

export function readAttempt(pollId) {
  try {
    return JSON.parse(sessionStorage.getItem(attemptKey(pollId)) || 'null');
  } catch {
    return null;
  }
}

export function idempotencyKey(pollId, ballot) {
  const body = JSON.stringify(ballot);
  const attempt = readAttempt(pollId);
  if (attempt && attempt.body === body && typeof attempt.key === 'string') {
    return attempt.key;
  }
  const key = newUuid();
  try {
    sessionStorage.setItem(attemptKey(pollId), JSON.stringify({ key, body }));
  } catch {
    // without storage a reload makes a new key; the server still refuses a second ballot
  }
  return key;
}

export function forgetAttempt(pollId) {
  try {
    sessionStorage.removeItem(attemptKey(pollId));
  } catch {
    // nothing kept
  }
}

/** crypto.randomUUID exists only in secure contexts (https, localhost); the same v4 UUID from random bytes otherwise. */
function newUuid() {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The pass this tab keeps for joinCode ({eventId, joinCode, participantId, token}), or null. Its expiry is not
 * judged here: a phone's clock can be wrong, and the server says so itself (401) when the pass is used.
 */
export function keptEventPass(joinCode) {
  try {
    const pass = JSON.parse(sessionStorage.getItem(EVENT_PASS_KEY) || 'null');
    return pass && pass.joinCode === joinCode && typeof pass.token === 'string' ? pass : null;
  } catch {
    return null;
  }
}

/** Keeps the pass from joining (EventPass) with the join code it is for, and returns what was kept. */
export function keepEventPass(joinCode, pass) {
  const kept = { eventId: pass.eventId, joinCode, participantId: pass.participantId, token: pass.token };
  try {
    sessionStorage.setItem(EVENT_PASS_KEY, JSON.stringify(kept));
  } catch {
    // the pass then lasts for this page only
  }
  return kept;
}

export function dropEventPass() {
  try {
    sessionStorage.removeItem(EVENT_PASS_KEY);
  } catch {
    // nothing kept
  }
}

/**
 * The event ballots cast in this tab: pollId → {participant, receipt} (receipt '' when the server only said
 * "already voted"), so a reload still says "voted". Per participant: a phone handed on to someone else is not "voted".
 */
function eventVotes() {
  try {
    return JSON.parse(sessionStorage.getItem(EVENT_VOTES_KEY) || '{}') || {};
  } catch {
    return {};
  }
}

export function eventVoteOf(pass, pollId) {
  const vote = eventVotes()[pollId];
  return vote && vote.participant === pass.participantId ? vote : null;
}

export function rememberEventVote(pass, pollId, receipt) {
  try {
    sessionStorage.setItem(EVENT_VOTES_KEY,
      JSON.stringify({ ...eventVotes(), [pollId]: { participant: pass.participantId, receipt: receipt || '' } }));
  } catch {
    // the screen still shows it until the page is reloaded
  }
}

/**
 * The Idempotency-Key of the ballot on pollId: made once and kept (sessionStorage) until the ballot is taken, so
 * sending again after a lost answer is the same ballot and gets the same receipt, never a second vote.
 */
export function eventBallotKey(pollId) {
  const name = `mvoting.eventBallot.${pollId}`;
  try {
    const kept = sessionStorage.getItem(name);
    if (kept) {
      return kept;
    }
    const key = newUuid();
    sessionStorage.setItem(name, key);
    return key;
  } catch {
    return newUuid(); // without storage a reload makes a new key; the server still takes one ballot per participant
  }
}

export function forgetEventBallotKey(pollId) {
  try {
    sessionStorage.removeItem(`mvoting.eventBallot.${pollId}`);
  } catch {
    // nothing kept
  }
}

/** The poll form kept before a detour to the sign-in; read once, so a later visit starts empty. */
export function readDraft() {
  try {
    const draft = JSON.parse(sessionStorage.getItem(DRAFT_KEY) || 'null');
    sessionStorage.removeItem(DRAFT_KEY);
    return draft && typeof draft === 'object' ? draft : null;
  } catch {
    return null;
  }
}

export function keepDraft(draft) {
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // without storage the form starts empty after signing in again
  }
}
