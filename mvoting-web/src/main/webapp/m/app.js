// Citizen mobile web: a small hash router and its views. Everything shown comes from the texts bundle (t)
// or from the API; server data is only ever set as text, never as HTML.
//
//   #/                               open polls, closing-soon first
//   #/login?next=/polls/{id}         phone number, then the SMS code
//   #/polls/{id}                     one poll
//   #/polls/{id}/vote                the ballot, then a confirmation step
//   #/polls/{id}/receipt/{receipt}   the receipt and its check
//   #/polls/{id}/results             results
//   #/me                             my details (signed in): links to the two below, the masked phone number
//   #/me/history                     the polls I took part in
//   #/me/profile                     my panel profile: give it with consent, change it, withdraw (delete) it
//   #/me/polls                       the polls I made (citizens ask citizens): status, share link, close
//   #/me/polls/{id}/invitees         an invite-only poll of mine: its people (masked), adding more, sending invitations
//   #/citizen-polls                  citizens' polls open to all (the directory)
//   #/citizen-polls/new              make a poll (signed in)
//   #/citizen-polls/{id}/created     the poll just made: its status, share link and QR code
//   #/events/{joinCode}              an on-site event: joining, then the live question the operator puts
//   #/events/{joinCode}/register     asking beforehand to take part (signed in), then the request's state

import { applyTexts, formatLocale, lang, loadTexts, setLang, t } from './texts.js';
import { ApiError, clearToken, getMaskedPhone, getToken, request, saveToken, takeExpiredNotice } from './api.js';
import { qrSvg } from './qr.js';
import { followEvent, formatCountdown, remainingMs } from './live.js';

const main = document.getElementById('view');
const messageBox = document.getElementById('message');
const DAY_MS = 24 * 60 * 60 * 1000;
const PAGE_SIZE = 20;
const RECEIPTS_KEY = 'mvoting.receipts';

let renderCount = 0;
let firstRender = true;
let pendingMessage = null;
/** What the current view must stop when it is left (a live stream, a timer); run by the next render. */
const leaveHooks = [];

// ---------------------------------------------------------------- DOM and messages

/** Builds an element: attributes (on* are listeners, text sets textContent) and children (strings are text). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'class') {
      el.className = value;
    } else if (name === 'text') {
      el.textContent = value;
    } else if (name.startsWith('on')) {
      el.addEventListener(name.slice(2), value);
    } else {
      el.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      el.append(child instanceof Node ? child : String(child));
    }
  }
  return el;
}

/** Announces text in the live region (#message); kind 'error' or 'info' only changes its look. */
function say(text, kind = 'info') {
  messageBox.dataset.kind = kind;
  messageBox.replaceChildren(h('p', {}, text)); // a new node each time, so a repeated text is announced again
  if (kind === 'error' && messageBox.getBoundingClientRect().top < 0) {
    messageBox.scrollIntoView({ block: 'nearest' });
  }
}

function clearMessage() {
  messageBox.replaceChildren();
  delete messageBox.dataset.kind;
}

/** An API refusal in the server's words; anything else as a plain "something went wrong". */
function sayError(error) {
  if (error instanceof ApiError) {
    say(error.message, 'error');
  } else {
    console.error(error);
    say(t('error.unexpected'), 'error');
  }
}

/** aria-disabled rather than disabled: the button keeps focus and stays findable while it waits. */
function block(button, on) {
  if (on) {
    button.setAttribute('aria-disabled', 'true');
  } else {
    button.removeAttribute('aria-disabled');
  }
}

function blocked(button) {
  return button.getAttribute('aria-disabled') === 'true';
}

/**
 * A confirmation step for an action that cannot be undone: the trigger hides its actions and shows the box (focus on
 * its heading, for screen readers); cancel brings the actions back with focus on the trigger.
 */
function confirmStep(trigger, cancel, actions, box, heading) {
  trigger.addEventListener('click', () => {
    clearMessage();
    actions.hidden = true;
    box.hidden = false;
    heading.focus();
  });
  cancel.addEventListener('click', () => {
    box.hidden = true;
    actions.hidden = false;
    trigger.focus();
  });
}

function link(href, text, attrs = {}) {
  return h('a', { href: `#${href}`, ...attrs }, text);
}

function enc(value) {
  return encodeURIComponent(value);
}

// ---------------------------------------------------------------- formatting

function dateTime(iso) {
  const date = new Date(iso);
  const options = { month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' };
  if (date.getFullYear() !== new Date().getFullYear()) {
    options.year = 'numeric';
  }
  return new Intl.DateTimeFormat(formatLocale(), options).format(date);
}

function fromNow(iso) {
  const minutes = Math.round((Date.parse(iso) - Date.now()) / 60000);
  const format = new Intl.RelativeTimeFormat(formatLocale(), { numeric: 'auto' });
  return Math.abs(minutes) < 60 ? format.format(minutes, 'minute') : format.format(Math.round(minutes / 60), 'hour');
}

function number(value, fractionDigits = 0) {
  return new Intl.NumberFormat(formatLocale(), { maximumFractionDigits: fractionDigits }).format(value);
}

/** "Choose one", "choose up to 3", "rank all 4", ... for a question. */
function selectionHint(q) {
  const n = q.options.length;
  if (q.type === 'MULTIPLE_CHOICE') {
    if (q.minSelections === q.maxSelections) {
      return t('vote.chooseExactly', q.maxSelections);
    }
    return q.minSelections <= 1 ? t('vote.chooseUpTo', q.maxSelections)
      : t('vote.chooseRange', q.minSelections, q.maxSelections);
  }
  if (q.type === 'RANKING') {
    const how = q.minSelections === q.maxSelections
      ? (q.maxSelections === n ? t('vote.rankAll', n) : t('vote.rankExactly', q.maxSelections))
      : t('vote.rankCount', q.minSelections, q.maxSelections);
    return `${t('vote.rankHint')} ${how}`;
  }
  return t('vote.chooseOne');
}

// ---------------------------------------------------------------- receipts kept on this device

function receipts() {
  try {
    return JSON.parse(localStorage.getItem(RECEIPTS_KEY) || '{}') || {};
  } catch {
    return {};
  }
}

function rememberReceipt(pollId, receipt) {
  try {
    localStorage.setItem(RECEIPTS_KEY, JSON.stringify({ ...receipts(), [pollId]: receipt }));
  } catch {
    // the receipt view still shows it; keeping it is a convenience
  }
}

// ---------------------------------------------------------------- one vote attempt (idempotency)

/**
 * The Idempotency-Key for sending this ballot: the same key as long as the same choices are sent again (a retry
 * after a lost answer returns the first receipt), a new one when the choices changed. Kept in sessionStorage,
 * so a reload of the tab keeps it and another tab does not share it.
 */
function attemptKey(pollId) {
  return `mvoting.vote.${pollId}`;
}

function readAttempt(pollId) {
  try {
    return JSON.parse(sessionStorage.getItem(attemptKey(pollId)) || 'null');
  } catch {
    return null;
  }
}

function idempotencyKey(pollId, ballot) {
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

function forgetAttempt(pollId) {
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

// ---------------------------------------------------------------- router

const routes = [
  [/^\/?$/, home],
  [/^\/login$/, login],
  [/^\/polls\/([^/]+)$/, pollPage],
  [/^\/polls\/([^/]+)\/vote$/, vote],
  [/^\/polls\/([^/]+)\/receipt\/([^/]+)$/, receiptPage],
  [/^\/polls\/([^/]+)\/results$/, resultsPage],
  [/^\/me$/, mePage],
  [/^\/me\/history$/, historyPage],
  [/^\/me\/profile$/, profilePage],
  [/^\/me\/polls$/, myPollsPage],
  [/^\/me\/polls\/([^/]+)\/invitees$/, inviteesPage],
  [/^\/citizen-polls$/, citizenPollsPage],
  [/^\/citizen-polls\/new$/, newCitizenPollPage],
  [/^\/citizen-polls\/([^/]+)\/created$/, createdPage],
  [/^\/events\/([0-9]{6})$/, eventJoinPage],
  [/^\/events\/([0-9]{6})\/register$/, eventRegisterPage],
];

// ---------------------------------------------------------------- events: joining at the door, then the live screen

const EVENT_PASS_KEY = 'mvoting.eventPass';
const EVENT_VOTES_KEY = 'mvoting.eventVotes';

/**
 * The pass this tab keeps for joinCode ({eventId, joinCode, participantId, token}), or null. Its expiry is not
 * judged here: a phone's clock can be wrong, and the server says so itself (401) when the pass is used.
 */
function keptEventPass(joinCode) {
  try {
    const pass = JSON.parse(sessionStorage.getItem(EVENT_PASS_KEY) || 'null');
    return pass && pass.joinCode === joinCode && typeof pass.token === 'string' ? pass : null;
  } catch {
    return null;
  }
}

/** Keeps the pass from joining (EventPass) with the join code it is for, and returns what was kept. */
function keepEventPass(joinCode, pass) {
  const kept = { eventId: pass.eventId, joinCode, participantId: pass.participantId, token: pass.token };
  try {
    sessionStorage.setItem(EVENT_PASS_KEY, JSON.stringify(kept));
  } catch {
    // the pass then lasts for this page only
  }
  return kept;
}

function dropEventPass() {
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

function eventVoteOf(pass, pollId) {
  const vote = eventVotes()[pollId];
  return vote && vote.participant === pass.participantId ? vote : null;
}

function rememberEventVote(pass, pollId, receipt) {
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
function eventBallotKey(pollId) {
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

function forgetEventBallotKey(pollId) {
  try {
    sessionStorage.removeItem(`mvoting.eventBallot.${pollId}`);
  } catch {
    // nothing kept
  }
}

/**
 * #/events/{joinCode}[?token=…]: a participant joins an on-site event with the secret code on their printed card
 * (the card's QR fills it in) or, when their phone is registered, with their SMS sign-in. The pass is kept for
 * this tab; once joined (or when the page is opened again with it), the page becomes the live screen. The same
 * card or phone is the same participant on any device.
 */
async function eventJoinPage(joinCode, query) {
  const kept = keptEventPass(joinCode);
  if (kept) {
    return eventLiveView(joinCode, kept);
  }
  function joined(pass) {
    const stored = keepEventPass(joinCode, pass);
    if (!view.isConnected) {
      return; // left while the answer was on its way: the kept pass opens the live screen on coming back
    }
    const live = eventLiveView(joinCode, stored);
    view.replaceWith(live);
    const heading = live.querySelector('h1');
    heading.setAttribute('tabindex', '-1');
    heading.focus(); // the form that had the focus is gone
    say(t('event.joined'));
  }
  const tokenInput = h('input', { id: 'event-token', autocomplete: 'off', autocapitalize: 'characters',
    spellcheck: 'false', maxlength: '16', 'aria-describedby': 'event-token-hint' });
  tokenInput.value = query.get('token') || '';
  const tokenButton = h('button', { type: 'submit', id: 'event-join-token', class: 'primary' }, t('event.joinWithToken'));
  const tokenForm = h('form', { id: 'event-token-form', novalidate: true },
    h('label', { for: 'event-token' }, t('event.token')), tokenInput,
    h('p', { id: 'event-token-hint', class: 'hint' }, t('event.tokenHint')), tokenButton);
  tokenForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (blocked(tokenButton)) {
      return;
    }
    if (!tokenInput.value.trim()) {
      say(t('event.tokenMissing'), 'error');
      tokenInput.focus();
      return;
    }
    block(tokenButton, true);
    try {
      const { data } = await request(`events/${enc(joinCode)}/join-with-token`, {
        method: 'POST', body: { token: tokenInput.value.trim() },
      });
      clearMessage();
      joined(data);
    } catch (error) {
      sayError(error);
    } finally {
      block(tokenButton, false);
    }
  });
  const phoneButton = h('button', { type: 'button', id: 'event-join-phone', class: 'secondary' }, t('event.joinWithPhone'));
  phoneButton.addEventListener('click', async () => {
    if (!getToken()) {
      go(`/login?next=/events/${joinCode}`, { text: t('event.signInFirst') });
      return;
    }
    if (blocked(phoneButton)) {
      return;
    }
    block(phoneButton, true);
    try {
      const { data } = await request(`events/${enc(joinCode)}/join-with-phone`, { method: 'POST', auth: true });
      clearMessage();
      joined(data);
    } catch (error) {
      sayError(error);
    } finally {
      block(phoneButton, false);
    }
  });
  const view = h('section', {},
    h('h1', {}, t('event.heading')),
    h('p', { class: 'facts-line' }, t('event.code'), ' ', h('strong', { id: 'event-code' }, joinCode)),
    tokenForm,
    h('h2', {}, t('event.orPhone')),
    h('p', { class: 'hint' }, t('event.phoneHint')),
    h('p', { class: 'actions' }, phoneButton),
    h('p', {}, link(`/events/${joinCode}/register`, t('eventRegister.link'), { id: 'event-register-link' })));
  return view;
}

const REGISTRATION_STATUSES = ['PENDING', 'APPROVED', 'DECLINED'];

/** A registration's state as the citizen reads it; approved links to the event's join page. */
function eventRegistrationBox(joinCode, registration) {
  const status = REGISTRATION_STATUSES.includes(registration.status) ? registration.status : 'PENDING';
  const words = {
    PENDING: t('eventRegister.pending'),
    APPROVED: t('eventRegister.approved'),
    DECLINED: t('eventRegister.declined'),
  }[status];
  return h('div', { id: 'event-registration', class: `status-box${status === 'APPROVED' ? ' ok' : ''}`,
    'data-status': status },
  h('p', { class: 'status-words' }, words),
  h('p', {}, t('eventRegister.name'), ': ', registration.name,
    registration.group ? ` · ${registration.group}` : ''),
  status === 'APPROVED'
    ? h('p', {}, link(`/events/${joinCode}`, t('eventRegister.toJoin'), { id: 'event-register-join' }))
    : null);
}

/**
 * #/events/{joinCode}/register: the link the city shares before the event. A citizen signed in by SMS asks to
 * take part (name, and a group or table if any); an operator approves or declines. Asking again shows the request.
 */
async function eventRegisterPage(joinCode) {
  const path = `/events/${joinCode}/register`;
  if (!getToken()) {
    const text = takeExpiredNotice() ? t('auth.expired') : t('eventRegister.signInFirst');
    go(`/login?next=${path}`, { text }, { replace: true });
    return null;
  }
  let mine = null;
  try {
    mine = (await request(`events/${enc(joinCode)}/registrations/mine`, { auth: true })).data;
  } catch (error) {
    if (signInAgain(error, path, { replace: true })) {
      return null;
    }
    if (!(error instanceof ApiError && error.status === 404 && error.code === 'event-registration-not-found')) {
      throw error; // no request yet is the form; an unknown event (event-not-found) or anything else a refusal
    }
  }
  const heading = h('h1', {}, t('eventRegister.heading'));
  const codeLine = h('p', { class: 'facts-line' }, t('event.code'), ' ', h('strong', { id: 'event-code' }, joinCode));
  if (mine) {
    return h('section', {}, heading, codeLine, eventRegistrationBox(joinCode, mine));
  }

  const intro = h('p', { class: 'hint' }, t('eventRegister.intro'));
  const nameInput = h('input', { id: 'event-register-name', name: 'name', autocomplete: 'name', maxlength: '100',
    required: true });
  const groupInput = h('input', { id: 'event-register-group', name: 'group', autocomplete: 'off', maxlength: '100',
    'aria-describedby': 'event-register-group-hint' });
  const submit = h('button', { type: 'submit', id: 'event-register-submit', class: 'primary' }, t('eventRegister.submit'));
  const form = h('form', { id: 'event-register-form', novalidate: true },
    h('label', { for: 'event-register-name' }, t('eventRegister.name')), nameInput,
    h('label', { for: 'event-register-group' }, t('eventRegister.group')),
    h('p', { id: 'event-register-group-hint', class: 'hint' }, t('eventRegister.groupHint')), groupInput,
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (blocked(submit)) {
      return;
    }
    const name = nameInput.value.trim();
    if (!name) {
      say(t('eventRegister.nameMissing'), 'error');
      nameInput.focus();
      return;
    }
    block(submit, true);
    try {
      const { data } = await request(`events/${enc(joinCode)}/registrations`, {
        method: 'POST', auth: true, body: { name, group: groupInput.value.trim() || null },
      });
      if (!view.isConnected) {
        return;
      }
      const box = eventRegistrationBox(joinCode, data);
      form.replaceWith(box);
      intro.hidden = true;
      heading.setAttribute('tabindex', '-1');
      heading.focus(); // the form that had the focus is gone
      say(box.querySelector('.status-words').textContent);
    } catch (error) {
      if (!signInAgain(error, path)) {
        sayError(error);
      }
    } finally {
      block(submit, false);
    }
  });
  const view = h('section', {}, heading, codeLine, intro, form);
  return view;
}

/**
 * The participant's live screen: the question the operator puts on the screens, pushed by the server, its ballot,
 * and the results when the operator shows them. The stream stops when the view is left (onLeave).
 */
function eventLiveView(joinCode, pass) {
  const heading = h('h1', { id: 'event-title' }, t('event.liveHeading'));
  const joinedLine = h('p', { id: 'event-joined', class: 'facts-line', 'data-participant': pass.participantId },
    t('event.joinedLine', joinCode));
  // not role=status: it comes and goes with every dropped connection, and a screen reader need not hear each one
  const reconnecting = h('p', { id: 'event-reconnecting', class: 'live-note', hidden: true }, t('event.reconnecting'));
  const loading = h('p', { class: 'loading' }, t('common.loading'));
  const waiting = h('p', { id: 'event-waiting', class: 'notice', hidden: true }, t('event.waiting'));
  const slot = h('div', {});
  let box = null; // the question on the screen, null while there is none
  let offset = 0;
  let seen = false; // a first state has come: later new questions are announced, the one found on opening is not

  function show(state, offsetMs) {
    offset = offsetMs;
    loading.hidden = true;
    if (state.title && heading.textContent !== state.title) {
      heading.textContent = state.title;
      document.title = `${state.title} - ${t('app.title')}`;
    }
    const q = state.question;
    waiting.hidden = Boolean(q);
    const first = !seen;
    seen = true;
    if (!q) {
      box = null;
      slot.replaceChildren();
      return;
    }
    if (!box || box.pollId !== q.pollId) {
      box = eventQuestionBox(joinCode, pass, q);
      slot.replaceChildren(box.root);
      if (!first) {
        say(t('event.newQuestion'));
      }
    }
    box.update(q, offset);
  }

  const stop = followEvent(joinCode, {
    onState: show,
    onStatus: (status) => {
      reconnecting.hidden = status !== 'reconnecting';
    },
  });
  const ticker = window.setInterval(() => box?.tick(), 250); // 250 ms: the seconds change on time, not up to 1 s late
  onLeave(() => {
    stop();
    window.clearInterval(ticker);
  });
  return h('section', { class: 'event-live' }, heading, joinedLine, reconnecting, loading, waiting, slot);
}

/**
 * One question on the participant's screen (LiveQuestion), for as long as the operator shows that pollId. update
 * redraws only what changed: the options only when they (or the maximum) changed, so a state that arrives while
 * someone is choosing (turnout changes all the time) keeps their ticks.
 */
function eventQuestionBox(joinCode, pass, first) {
  const pollId = first.pollId;
  let current = null;
  let offset = 0;
  let optionsShown = '';
  let inputs = [];
  let sending = false; // a state arriving meanwhile must not unblock the button under a ballot on its way

  const text = h('h2', { id: 'event-question-text' }, first.text);
  const countdown = h('p', { id: 'event-countdown', class: 'countdown', role: 'timer', hidden: true });
  const hint = h('p', { id: 'event-choice-hint', class: 'hint' });
  const list = h('div', { class: 'choices-list' });
  const counter = h('p', { id: 'event-count', class: 'counter', 'aria-live': 'polite', hidden: true });
  const prepared = h('p', { id: 'event-prepared', class: 'hint', hidden: true }, t('event.prepared'));
  const voteButton = h('button', { type: 'submit', id: 'event-vote', class: 'primary' }, t('poll.vote'));
  const form = h('form', { id: 'event-form', novalidate: true },
    h('fieldset', { class: 'question event-choices', 'aria-labelledby': 'event-question-text',
      'aria-describedby': 'event-choice-hint' }, hint, list, counter),
    prepared, voteButton);
  const closed = h('p', { id: 'event-closed', class: 'notice', hidden: true }, t('event.closed'));
  const receiptLabel = h('p', { class: 'label' }, t('event.receipt'));
  const receiptCode = h('p', { id: 'event-receipt', class: 'receipt-code' });
  const voted = h('div', { id: 'event-voted', class: 'receipt-box', hidden: true },
    h('p', { class: 'voted-words' }, t('event.voted')), receiptLabel, receiptCode);
  const final = h('h2', { id: 'event-final', hidden: true }, t('event.final'));
  const resultsHeading = h('h2', { id: 'event-results-heading' }, t('event.resultsHeading'));
  const resultList = h('ul', { class: 'results' });
  const results = h('section', { id: 'event-results', hidden: true }, final, resultsHeading, resultList);
  const root = h('section', { id: 'event-question', 'data-poll': pollId, 'aria-labelledby': 'event-question-text' },
    h('p', { class: 'eyebrow' }, t('event.round', first.round)), text, countdown, form, closed, voted, results);

  const chosen = () => inputs.filter((input) => input.checked).map((input) => Number(input.value));

  function showCount(over) {
    counter.textContent = t('vote.counter', chosen().length, current.maxSelections)
      + (over ? ` ${t('vote.maxReached', current.maxSelections)}` : '');
  }

  /** Radios for one choice, checkboxes for several; the ticks already made stay when the options are redrawn. */
  function drawOptions(q) {
    const shown = `${q.maxSelections}|${q.options.map((o) => o.id).join(',')}`;
    if (shown === optionsShown) {
      return;
    }
    optionsShown = shown;
    const keep = new Set(chosen().map(String));
    const multiple = q.maxSelections > 1;
    hint.textContent = multiple ? t('vote.chooseUpTo', q.maxSelections) : t('vote.chooseOne');
    const options = [...q.options].sort((a, b) => a.position - b.position);
    inputs = options.map((o, i) => h('input', {
      type: multiple ? 'checkbox' : 'radio', id: `event-option-${i + 1}`, name: 'event-option', value: String(o.id),
    }));
    inputs.filter((input) => keep.has(input.value)).slice(0, q.maxSelections).forEach((input) => {
      input.checked = true;
    });
    list.replaceChildren(...options.map((o, i) => h('div', { class: 'choice' },
      inputs[i], h('label', { for: `event-option-${i + 1}` }, o.label))));
    counter.hidden = !multiple;
    if (multiple) {
      showCount(false);
    }
  }

  list.addEventListener('change', (event) => {
    if (current.maxSelections <= 1) {
      return;
    }
    const over = event.target.checked && chosen().length > current.maxSelections;
    if (over) {
      event.target.checked = false; // hold the maximum: the person unticks another one first
    }
    showCount(over);
  });

  function showVoted(vote) {
    voted.hidden = !vote;
    if (vote && vote.receipt) {
      voted.dataset.receipt = vote.receipt;
    } else {
      delete voted.dataset.receipt;
    }
    receiptCode.textContent = vote ? vote.receipt : '';
    receiptLabel.hidden = !vote || !vote.receipt;
    receiptCode.hidden = receiptLabel.hidden;
  }

  function drawResults(q) {
    results.hidden = !q.resultsShown;
    if (!q.resultsShown) {
      return;
    }
    final.hidden = !q.announced;
    resultsHeading.hidden = q.announced;
    const rows = q.results || [];
    const total = rows.reduce((sum, r) => sum + r.combined, 0);
    resultList.replaceChildren(...rows.map((r) => {
      const percent = total > 0 ? (r.combined / total) * 100 : 0;
      const fill = h('span', { class: 'fill' });
      fill.style.width = `${percent}%`;
      return h('li', { 'data-option': r.optionId, 'data-votes': r.combined },
        h('div', { class: 'result-text' },
          h('span', { class: 'result-label' }, r.label),
          h('span', { class: 'result-numbers' }, t('results.votes', number(r.combined), number(percent, 1)))),
        h('div', { class: 'bar', 'aria-hidden': 'true' }, fill)); // the numbers above say it in words
    }));
  }

  /** The countdown by the server's clock; only while the question is open and has a closing time. */
  function tick() {
    const ms = current && current.state === 'OPEN' ? remainingMs(current.closesAt, offset) : null;
    countdown.hidden = ms === null;
    if (ms !== null) {
      const words = t('event.countdown', formatCountdown(ms));
      if (countdown.textContent !== words) {
        countdown.textContent = words;
      }
    }
  }

  function update(q, offsetMs) {
    const before = current ? current.state : null;
    current = q;
    offset = offsetMs;
    root.dataset.state = q.state;
    if (text.textContent !== q.text) {
      text.textContent = q.text;
    }
    drawOptions(q);
    const vote = eventVoteOf(pass, pollId);
    form.hidden = Boolean(vote) || q.state === 'CLOSED';
    prepared.hidden = q.state !== 'PREPARED';
    block(voteButton, sending || q.state !== 'OPEN');
    closed.hidden = q.state !== 'CLOSED';
    showVoted(vote);
    drawResults(q);
    tick();
    if (before && before !== q.state) {
      if (q.state === 'OPEN') {
        say(t('event.opened'));
      } else if (q.state === 'CLOSED') {
        say(t('event.closed'));
      }
    }
  }

  /** After a ballot was taken (or found already taken): the voted state instead of the form. */
  function votedNow(receipt) {
    rememberEventVote(pass, pollId, receipt);
    forgetEventBallotKey(pollId);
    update(current, offset);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (blocked(voteButton)) {
      if (!sending && current.state !== 'OPEN') {
        say(current.state === 'PREPARED' ? t('event.prepared') : t('event.closed'), 'error');
      }
      return;
    }
    const optionIds = chosen();
    if (optionIds.length === 0) {
      say(t('event.missing'), 'error');
      inputs[0]?.focus();
      return;
    }
    sending = true;
    block(voteButton, true);
    say(t('vote.sending'));
    try {
      const { data } = await request(`events/${enc(joinCode)}/questions/${enc(pollId)}/ballots`, {
        method: 'POST',
        body: { optionIds },
        headers: { Authorization: `Bearer ${pass.token}`, 'Idempotency-Key': eventBallotKey(pollId) },
      });
      votedNow(data.receipt);
      say(t('event.cast'));
    } catch (error) {
      if (!(error instanceof ApiError)) {
        sayError(error);
      } else if (error.status === 0) {
        say(t('vote.networkRetry'), 'error'); // the same key is sent again: at most one ballot
      } else if (error.status === 401) {
        dropEventPass(); // expired or unknown: joining again (same card, same phone) is the same participant
        go(`/events/${joinCode}`, { text: t('event.passExpired'), kind: 'error' });
        return;
      } else if (error.status === 409 && String(error.code || '').startsWith('already-voted')) {
        votedNow('');
        say(error.message);
        return;
      } else {
        if (error.status === 400 || error.status === 422) {
          forgetEventBallotKey(pollId); // these choices were refused and nothing was taken: other choices, new key
        }
        sayError(error);
      }
    } finally {
      sending = false;
      block(voteButton, current.state !== 'OPEN');
    }
  });

  return {
    pollId,
    root,
    update,
    tick,
  };
}

function currentRoute() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const at = raw.indexOf('?');
  return {
    path: at < 0 ? raw : raw.slice(0, at),
    query: new URLSearchParams(at < 0 ? '' : raw.slice(at + 1)),
  };
}

/**
 * Goes to a route and announces message ({text, kind}) once the new view is shown. replace: no history entry
 * (for redirects, so Back does not bounce).
 */
function go(path, message = null, { replace = false } = {}) {
  pendingMessage = message;
  if (location.hash === `#${path}`) {
    render();
  } else if (replace) {
    location.replace(`#${path}`);
  } else {
    location.hash = path;
  }
}

/**
 * A route to come back to after signing in: a strict list of our own routes (a poll, its ballot, "my details",
 * the citizens' polls and making one, the people invited to one of mine, by its UUID, an event's join page and its
 * registration), never anything else, so a crafted link cannot send anyone elsewhere.
 */
function safeNext(value) {
  return value && /^\/(polls\/[A-Za-z0-9-]+(\/vote)?|me(\/history|\/profile|\/polls(\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/invitees)?)?|citizen-polls(\/new)?|events\/[0-9]{6}(\/register)?)$/.test(value)
    ? value : null;
}

/** The words of the link back to a (safe) next route. */
function nextLabel(next) {
  if (next.endsWith('/invitees')) {
    return t('invitees.back');
  }
  if (next.startsWith('/me')) {
    return t('me.back');
  }
  if (next === '/citizen-polls/new') {
    return t('create.back');
  }
  if (next === '/citizen-polls') {
    return t('citizenPolls.back');
  }
  if (next.endsWith('/register')) {
    return t('eventRegister.back');
  }
  return t('common.backToPoll');
}

/** For views that need a sign-in: goes to the sign-in (and back to path after it) and says true when not signed in. */
function needsSignIn(path) {
  if (getToken()) {
    return false;
  }
  const why = path.startsWith('/citizen-polls') ? t('login.forCreate') : t('login.forMe');
  const text = takeExpiredNotice() ? t('auth.expired') : why;
  go(`/login?next=${path}`, { text }, { replace: true });
  return true;
}

/** A 401 (the token was refused and dropped): to the sign-in with the server's words, back to path after it. */
function signInAgain(error, path, { replace = false } = {}) {
  if (error instanceof ApiError && error.status === 401) {
    go(`/login?next=${path}`, { text: error.message, kind: 'error' }, { replace });
    return true;
  }
  return false;
}

/** Runs fn when the view now being made or shown is replaced (another route, a language switch, a re-render). */
function onLeave(fn) {
  leaveHooks.push(fn);
}

function leaveView() {
  for (const fn of leaveHooks.splice(0)) {
    try {
      fn();
    } catch (error) {
      console.error(error); // one failing hook must not keep the others (or the next view) from running
    }
  }
}

async function render({ keepFocus = false } = {}) {
  const count = ++renderCount;
  leaveView();
  const { path, query } = currentRoute();
  const message = pendingMessage;
  pendingMessage = null;
  if (!message) {
    clearMessage();
  }
  main.setAttribute('aria-busy', 'true');
  main.replaceChildren(h('p', { class: 'loading' }, t('common.loading')));
  updateHeader();
  let view;
  try {
    const route = routes.find(([pattern]) => pattern.test(path));
    if (route) {
      const params = path.match(route[0]).slice(1).map(decodeURIComponent);
      view = await route[1](...params, query);
    } else {
      view = errorView(t('error.notFound'));
    }
  } catch (error) {
    view = errorView(error instanceof ApiError && error.title ? error.title : t('error.unexpected'));
    sayError(error);
  }
  if (count !== renderCount || view === null) {
    return; // a newer navigation (or a redirect) took over
  }
  main.replaceChildren(view);
  main.removeAttribute('aria-busy');
  const heading = main.querySelector('h1');
  document.title = heading ? `${heading.textContent} - ${t('app.title')}` : t('app.title');
  if (heading && !firstRender && !keepFocus) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
  firstRender = false;
  if (message) {
    say(message.text, message.kind || 'info');
  }
}

function errorView(title, ...links) {
  return h('section', {},
    h('h1', {}, title),
    h('p', { class: 'actions' }, ...links, link('/', t('common.backToPolls'))));
}

function updateHeader() {
  const signedIn = getToken() !== null;
  const meLink = document.getElementById('me-link');
  meLink.hidden = !signedIn;
  if (/^\/me(\/|$)/.test(currentRoute().path)) {
    meLink.setAttribute('aria-current', 'page');
  } else {
    meLink.removeAttribute('aria-current');
  }
  document.getElementById('login-link').hidden = signedIn;
  document.getElementById('logout').hidden = !signedIn;
  document.getElementById('lang-ko').setAttribute('aria-pressed', String(lang() === 'ko'));
  document.getElementById('lang-en').setAttribute('aria-pressed', String(lang() === 'en'));
}

// ---------------------------------------------------------------- 1. home: open polls

async function home() {
  const soonList = h('ul', { class: 'polls', id: 'closing-soon-list' });
  const restList = h('ul', { class: 'polls', id: 'poll-list' });
  const soonSection = h('section', { 'aria-labelledby': 'closing-soon-heading', hidden: true },
    h('h2', { id: 'closing-soon-heading' }, t('home.closingSoon')),
    h('p', { class: 'hint' }, t('home.closingSoonHint')),
    soonList);
  const restHeading = h('h2', { id: 'poll-list-heading' }, t('home.allPolls'));
  const restSection = h('section', { 'aria-labelledby': 'poll-list-heading', hidden: true }, restHeading, restList);
  const empty = h('p', { class: 'empty', hidden: true }, t('home.empty'));
  const more = h('button', { type: 'button', id: 'more-polls', class: 'secondary', hidden: true }, t('home.more'));
  let page = 0;

  function add(items) {
    const now = Date.now();
    for (const poll of items) {
      const soon = Date.parse(poll.closesAt) - now < DAY_MS;
      (soon ? soonList : restList).append(pollItem(poll, soon));
    }
    soonSection.hidden = soonList.children.length === 0;
    restSection.hidden = restList.children.length === 0;
    restHeading.textContent = soonSection.hidden ? t('home.allPolls') : t('home.otherPolls');
    empty.hidden = soonList.children.length + restList.children.length > 0;
  }

  async function load() {
    const { data } = await request(`polls?page=${page}&size=${PAGE_SIZE}`);
    add(data.items || []);
    more.hidden = (page + 1) * PAGE_SIZE >= data.total;
  }

  more.addEventListener('click', async () => {
    if (blocked(more)) {
      return;
    }
    block(more, true);
    const firstNew = soonList.children.length + restList.children.length;
    page += 1;
    try {
      await load();
      const links = main.querySelectorAll('.polls a');
      if (links[firstNew]) {
        links[firstNew].focus(); // straight to the first poll that was added
      }
    } catch (error) {
      page -= 1;
      sayError(error);
    } finally {
      block(more, false);
    }
  });

  // signed in: the polls that list my phone and still wait for my vote come first
  const invitedList = h('ul', { class: 'polls', id: 'invited-list' });
  const invitedSection = h('section', { 'aria-labelledby': 'invited-heading', hidden: true },
    h('h2', { id: 'invited-heading' }, t('home.invited')),
    h('p', { class: 'hint' }, t('home.invitedHint')),
    invitedList);
  const invited = getToken() ? request('me/invitations', { auth: true }).catch(() => null) : null;

  await load();
  const mine = invited ? await invited : null;
  if (mine && Array.isArray(mine.data) && mine.data.length > 0) {
    const now = Date.now();
    mine.data.forEach((poll) => invitedList.append(pollItem(poll, Date.parse(poll.closesAt) - now < DAY_MS, 'invited-link')));
    invitedSection.hidden = false;
  }
  // citizens ask citizens: the directory for everyone; making a poll and my polls once signed in
  const signedIn = getToken() !== null;
  const citizenEntry = h('section', { id: 'citizen-entry', class: 'me-card', 'aria-labelledby': 'citizen-entry-heading' },
    h('h2', { id: 'citizen-entry-heading' }, t('home.citizenHeading')),
    h('p', { class: 'hint' }, t('home.citizenHint')),
    h('ul', { class: 'link-list' },
      h('li', {}, link('/citizen-polls', t('home.citizenDirectory'), { id: 'citizen-polls-link' })),
      signedIn ? h('li', {}, link('/citizen-polls/new', t('home.createPoll'), { id: 'create-poll-link' })) : null,
      signedIn ? h('li', {}, link('/me/polls', t('home.myPolls'), { id: 'my-polls-link' })) : null));
  return h('section', {},
    h('h1', {}, t('home.heading')),
    h('p', { class: 'intro' }, t('home.intro')),
    invitedSection, empty, soonSection, restSection, more, citizenEntry);
}

function pollItem(poll, soon, idPrefix = 'poll-link') {
  return h('li', { class: soon ? 'poll soon' : 'poll' },
    h('a', { id: `${idPrefix}-${poll.id}`, href: `#/polls/${enc(poll.id)}` },
      h('span', { class: 'poll-title' }, poll.title),
      h('span', { class: 'poll-meta' }, poll.kind === 'CITIZEN_TO_CITIZEN' ? t('poll.byCitizen') : poll.department),
      h('span', { class: 'poll-meta' },
        t('home.closes', dateTime(poll.closesAt)), soon ? ` (${fromNow(poll.closesAt)})` : '')));
}

// ---------------------------------------------------------------- 2. sign in with a phone number

async function login(query) {
  const next = safeNext(query.get('next'));
  if (getToken()) {
    return h('section', {},
      h('h1', {}, t('login.heading')),
      h('p', {}, t('login.already')),
      h('p', { class: 'actions' },
        next ? link(next, nextLabel(next)) : null,
        link('/', t('common.backToPolls'))));
  }
  let phone = null;
  let maskedPhone = null; // as the server wrote it (010-****-5678): the only form of the number that is kept

  const phoneInput = h('input', {
    id: 'phone', name: 'phone', type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: '32',
    required: true, 'aria-describedby': 'phone-hint',
  });
  const sendButton = h('button', { type: 'submit', id: 'send-code' }, t('login.sendCode'));
  const sendWait = h('p', { id: 'send-wait', class: 'hint', hidden: true });
  const phoneForm = h('form', { id: 'phone-form', novalidate: true },
    h('label', { for: 'phone' }, t('login.phone')),
    h('p', { id: 'phone-hint', class: 'hint' }, t('login.phoneHint')),
    phoneInput, sendButton, sendWait);

  const codeInput = h('input', {
    id: 'code', name: 'code', type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '6',
    pattern: '[0-9]{6}', required: true, 'aria-describedby': 'code-hint',
  });
  const verifyButton = h('button', { type: 'submit', id: 'verify-code' }, t('login.verify'));
  const resendButton = h('button', { type: 'button', id: 'resend-code', class: 'secondary' }, t('login.resend'));
  const resendWait = h('p', { id: 'resend-wait', class: 'hint', hidden: true });
  const verifyWait = h('p', { id: 'verify-wait', class: 'hint', hidden: true });
  const changeButton = h('button', { type: 'button', id: 'change-phone', class: 'secondary' }, t('login.changePhone'));
  const codeForm = h('form', { id: 'code-form', novalidate: true, hidden: true },
    h('label', { for: 'code' }, t('login.code')),
    h('p', { id: 'code-hint', class: 'hint' }, t('login.codeHint')),
    codeInput, verifyButton, verifyWait,
    h('div', { class: 'actions' }, resendButton, changeButton),
    resendWait);

  /** Blocks button for seconds, with a visible countdown in note (not announced every second: that would drown a screen reader). */
  function wait(button, note, seconds, words) {
    let left = Math.max(0, Math.ceil(Number(seconds) || 0));
    if (left === 0) {
      return;
    }
    block(button, true);
    note.hidden = false;
    note.textContent = words(left);
    const timer = window.setInterval(() => {
      left -= 1;
      if (left <= 0 || !note.isConnected) {
        window.clearInterval(timer);
        block(button, false);
        note.hidden = true;
        return;
      }
      note.textContent = words(left);
    }, 1000);
  }

  async function sendCode(number, button, note) {
    if (blocked(button)) {
      if (!note.hidden) {
        say(note.textContent, 'error');
      }
      return;
    }
    block(button, true);
    try {
      const { data } = await request('auth/codes', { method: 'POST', body: { phone: number } });
      block(button, false);
      phone = number;
      maskedPhone = data.maskedPhone;
      phoneInput.removeAttribute('aria-invalid');
      codeInput.removeAttribute('aria-invalid');
      phoneInput.readOnly = true;
      sendButton.hidden = true; // from here on: resend-code, with its own wait
      codeForm.hidden = false;
      say(t('login.codeSent', data.maskedPhone, Math.max(1, Math.round(data.expiresInSeconds / 60))));
      wait(resendButton, resendWait, data.resendAfterSeconds, (left) => t('login.resendIn', left));
      codeInput.focus();
    } catch (error) {
      block(button, false);
      sayError(error);
      if (error.status === 429) {
        wait(button, note, error.retryAfter, (left) => t('login.retryIn', left));
      } else if (error.status === 400 || error.status === 422) {
        phoneInput.setAttribute('aria-invalid', 'true');
        phoneInput.focus();
      }
    }
  }

  phoneForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const number = phoneInput.value.trim();
    if (!number) {
      phoneInput.setAttribute('aria-invalid', 'true');
      say(t('login.phoneRequired'), 'error');
      phoneInput.focus();
      return;
    }
    sendCode(number, sendButton, sendWait);
  });

  resendButton.addEventListener('click', () => sendCode(phone, resendButton, resendWait));

  changeButton.addEventListener('click', () => {
    codeForm.hidden = true;
    codeInput.value = '';
    phoneInput.readOnly = false;
    sendButton.hidden = false;
    phoneInput.focus();
    phoneInput.select();
  });

  codeForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (blocked(verifyButton)) {
      if (!verifyWait.hidden) {
        say(verifyWait.textContent, 'error');
      }
      return;
    }
    const code = codeInput.value.replace(/\s+/g, '');
    if (!/^[0-9]{6}$/.test(code)) {
      codeInput.setAttribute('aria-invalid', 'true');
      say(t('login.codeFormat'), 'error');
      codeInput.focus();
      return;
    }
    block(verifyButton, true);
    try {
      const { data } = await request('auth/tokens', { method: 'POST', body: { phone, code } });
      saveToken(data, maskedPhone);
      go(next || '/', { text: t('login.done') });
    } catch (error) {
      block(verifyButton, false);
      sayError(error); // a wrong code: the server's detail says how many tries are left
      codeInput.setAttribute('aria-invalid', 'true');
      codeInput.focus();
      codeInput.select();
      if (error.status === 429) {
        wait(verifyButton, verifyWait, error.retryAfter, (left) => t('login.retryIn', left));
      }
    }
  });

  return h('section', {},
    h('h1', {}, t('login.heading')),
    h('p', { class: 'intro' }, t('login.intro')),
    phoneForm, codeForm);
}

// ---------------------------------------------------------------- 3. one poll

async function pollPage(id) {
  const { data: poll } = await request(`polls/${enc(id)}`);
  const receipt = receipts()[poll.id];
  const actions = h('div', { class: 'actions' });
  if (poll.status === 'OPEN' && poll.minimumAssurance === 'CERTIFICATE') {
    // nobody can vote until certificates are supported: say so rather than offer a button that fails
    actions.append(h('p', { id: 'certificate-notice', class: 'notice' }, t('poll.certificateNotSupported')));
  } else if (poll.status === 'OPEN') {
    const signedIn = getToken() !== null;
    const deviceLevel = poll.minimumAssurance === 'DEVICE';
    actions.append(h('button', {
      type: 'button', id: 'vote-button', class: 'primary', 'aria-describedby': signedIn ? null : 'vote-login-hint',
      onclick: () => {
        if (getToken() || deviceLevel) {
          go(`/polls/${poll.id}/vote`);
        } else {
          go(`/login?next=/polls/${poll.id}`, { text: t('login.forVote') });
        }
      },
    }, t('poll.vote')));
    if (!signedIn) {
      actions.append(h('p', { id: 'vote-login-hint', class: 'hint' },
        deviceLevel ? t('poll.deviceVote') : t('poll.loginNeeded')));
    }
    if (poll.audience === 'PASSWORD') {
      actions.append(h('p', { id: 'poll-password-notice', class: 'hint' }, t('poll.passwordNeeded')));
    }
  } else {
    actions.append(h('p', { class: 'notice' }, t('poll.notOpen')));
  }
  if (receipt) {
    actions.append(link(`/polls/${poll.id}/receipt/${enc(receipt)}`, t('poll.myReceipt'), { id: 'my-receipt-link' }));
  }
  actions.append(link(`/polls/${poll.id}/results`, t('poll.results'), { id: 'results-link' }));

  const citizens = poll.kind === 'CITIZEN_TO_CITIZEN';
  const who = poll.audience === 'PASSWORD' ? t('poll.audiencePassword')
    : poll.audience === 'LISTED' ? t('poll.audienceListed') : null;
  return h('article', {},
    h('h1', {}, poll.title),
    h('dl', { class: 'facts' },
      citizens ? [h('dt', {}, t('poll.madeBy')), h('dd', { id: 'poll-made-by' }, t('poll.byCitizen'))]
        : [h('dt', {}, t('poll.department')), h('dd', {}, poll.department)],
      h('dt', {}, t('poll.period')), h('dd', {}, t('poll.periodValue', dateTime(poll.opensAt), dateTime(poll.closesAt))),
      h('dt', {}, t('poll.status')), h('dd', { id: 'poll-status' }, t(`status.${poll.status}`)),
      who ? [h('dt', {}, t('poll.who')), h('dd', { id: 'poll-audience', 'data-audience': poll.audience }, who)] : null,
      h('dt', {}, t('poll.visibility')), h('dd', {}, t(`visibility.${poll.resultsVisibility}`))),
    poll.description ? h('p', { class: 'description' }, poll.description) : null,
    h('h2', {}, t('poll.questions')),
    h('ol', { class: 'questions' }, poll.questions.map((q, i) => h('li', { id: `question-${i + 1}` },
      h('h3', {}, q.text),
      h('p', { class: 'hint' }, `${t(`qtype.${q.type}`)} · ${selectionHint(q)}`),
      h('ul', { class: 'options', 'aria-label': t('poll.options') }, q.options.map((o) => h('li', {}, o.label)))))),
    actions,
    citizens ? reportSection(poll) : null,
    h('p', { class: 'actions' },
      citizens ? link('/citizen-polls', t('citizenPolls.back')) : null,
      link('/', t('common.backToPolls'))));
}

/** Why a citizen reports a citizen's poll, in the enum's order (MobileTextsTest compares it with ReportReason). */
const REPORT_REASONS = ['ABUSIVE', 'PERSONAL_INFORMATION', 'POLITICAL', 'COMMERCIAL', 'SPAM', 'OTHER'];

function reportReasonWords(reason) {
  switch (reason) {
    case 'ABUSIVE': return t('report.reason.ABUSIVE');
    case 'PERSONAL_INFORMATION': return t('report.reason.PERSONAL_INFORMATION');
    case 'POLITICAL': return t('report.reason.POLITICAL');
    case 'COMMERCIAL': return t('report.reason.COMMERCIAL');
    case 'SPAM': return t('report.reason.SPAM');
    default: return t('report.reason.OTHER');
  }
}

/** "Report this poll" under a citizen's poll: a reason and a few optional words, signed in (one report per person). */
function reportSection(poll) {
  const back = `/polls/${poll.id}`;
  const openButton = h('button', {
    type: 'button', id: 'report-button', class: 'secondary danger', 'aria-expanded': 'false', 'aria-controls': 'report-form',
  }, t('report.button'));
  const reasonInputs = REPORT_REASONS.map((r) => h('input', {
    type: 'radio', id: `report-reason-${r}`, name: 'report-reason', value: r,
  }));
  const reasonError = h('p', { id: 'report-reason-error', class: 'field-error', hidden: true });
  const reasonSet = h('fieldset', { id: 'report-reasons', class: 'group', 'aria-describedby': 'report-reason-error' },
    h('legend', {}, t('report.reason')),
    reasonError,
    h('div', { class: 'choices-list' }, REPORT_REASONS.map((r, i) => h('div', { class: 'choice' },
      reasonInputs[i], h('label', { for: `report-reason-${r}` }, reportReasonWords(r))))));
  const detail = h('textarea', { id: 'report-detail', name: 'detail', rows: '3', maxlength: '500', 'aria-describedby': 'report-detail-hint' });
  const submitButton = h('button', { type: 'submit', id: 'report-submit', class: 'primary danger' }, t('report.submit'));
  const cancelButton = h('button', { type: 'button', id: 'report-cancel', class: 'secondary' }, t('report.cancel'));
  const formHeading = h('h3', { id: 'report-heading', tabindex: '-1' }, t('report.heading'));
  const form = h('form', { id: 'report-form', class: 'confirm-box', novalidate: true, hidden: true, 'aria-labelledby': 'report-heading' },
    formHeading,
    h('p', { class: 'hint' }, t('report.intro')),
    reasonSet,
    h('label', { for: 'report-detail' }, t('report.detail')),
    h('p', { id: 'report-detail-hint', class: 'hint' }, t('report.detailHint')),
    detail,
    h('div', { class: 'actions' }, submitButton, cancelButton));
  const done = h('p', { id: 'report-done', class: 'notice', tabindex: '-1', hidden: true }, t('report.done'));

  function showReasonError(text) {
    reasonError.textContent = text || '';
    reasonError.hidden = !text;
    reasonSet.classList.toggle('invalid', Boolean(text));
  }

  reasonSet.addEventListener('change', () => showReasonError(null));

  function closeForm() {
    form.hidden = true;
    openButton.setAttribute('aria-expanded', 'false');
  }

  openButton.addEventListener('click', () => {
    if (!getToken()) {
      go(`/login?next=${back}`, { text: t('login.forReport') });
      return;
    }
    if (!form.hidden) {
      closeForm();
      return;
    }
    clearMessage();
    form.hidden = false;
    openButton.setAttribute('aria-expanded', 'true');
    formHeading.focus();
  });

  cancelButton.addEventListener('click', () => {
    closeForm();
    showReasonError(null);
    openButton.focus();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (blocked(submitButton)) {
      return;
    }
    const chosen = reasonInputs.find((i) => i.checked);
    if (!chosen) {
      showReasonError(t('report.reasonRequired'));
      say(t('report.reasonRequired'), 'error');
      reasonInputs[0].focus();
      return;
    }
    showReasonError(null);
    const words = detail.value.trim();
    block(submitButton, true);
    try {
      await request(`citizen-polls/${enc(poll.id)}/reports`, {
        method: 'POST', body: { reason: chosen.value, detail: words || undefined }, auth: true,
      });
      closeForm();
      openButton.hidden = true; // one report per person and poll: a second one would say nothing new
      done.hidden = false;
      say(t('report.done'));
      done.focus();
    } catch (error) {
      if (!signInAgain(error, back)) {
        sayError(error);
      }
    } finally {
      block(submitButton, false);
    }
  });

  return h('section', { id: 'report-section', class: 'report', 'aria-labelledby': 'report-section-heading' },
    h('h2', { id: 'report-section-heading' }, t('report.sectionHeading')),
    h('p', { class: 'hint' }, t('report.sectionHint')),
    openButton, form, done);
}

// ---------------------------------------------------------------- 4. vote, confirm, cast

async function vote(id) {
  const { data: poll } = await request(`polls/${enc(id)}`);
  // device-level polls take a ballot without sign-in (one per device: the browser's device cookie)
  if (!getToken() && poll.minimumAssurance !== 'DEVICE') {
    const text = takeExpiredNotice() ? t('auth.expired') : t('login.forVote');
    go(`/login?next=/polls/${id}/vote`, { text }, { replace: true });
    return null;
  }
  const back = link(`/polls/${poll.id}`, t('common.backToPoll'));
  const heading = h('h1', {}, h('span', { class: 'eyebrow' }, t('vote.heading')), ' ', poll.title);
  if (poll.status !== 'OPEN') {
    say(t('poll.notOpen'), 'error');
    return h('section', {}, heading, h('p', { class: 'notice' }, t('poll.notOpen')), h('p', {}, back));
  }

  const questions = poll.questions.map((q, i) => questionInput(q, i + 1));
  // a password-protected poll: the password is asked with the choices, kept only in this field, and sent with
  // the ballot (never stored: after a reload or a new sign-in it is typed again)
  const password = poll.audience === 'PASSWORD' ? passwordField('poll-password', {
    label: t('vote.password'), hint: t('vote.passwordHint'), autocomplete: 'off',
  }) : null;
  const form = h('form', { id: 'ballot-form', novalidate: true },
    questions.map((q) => q.fieldset),
    password ? password.box : null,
    h('button', { type: 'submit', id: 'review', class: 'primary' }, t('vote.review')));

  const choices = h('dl', { id: 'choices', class: 'choices' });
  const confirmButton = h('button', { type: 'button', id: 'confirm-cast', class: 'primary' }, t('vote.confirm'));
  const editButton = h('button', { type: 'button', id: 'edit-choices', class: 'secondary' }, t('vote.edit'));
  const afterRefusal = h('p', { id: 'after-refusal', class: 'actions', hidden: true });
  const confirmation = h('section', { id: 'confirmation', hidden: true, 'aria-labelledby': 'confirm-heading' },
    h('h2', { id: 'confirm-heading', tabindex: '-1' }, t('vote.confirmHeading')),
    h('p', {}, t('vote.confirmIntro')),
    choices,
    h('div', { class: 'actions' }, confirmButton, editButton),
    afterRefusal);

  let ballot = null;

  // Choices kept from an attempt that did not finish (lost connection, sign-in expired) come back as they were.
  const earlier = readAttempt(poll.id);
  if (earlier) {
    try {
      const answers = JSON.parse(earlier.body).answers || [];
      questions.forEach((q) => q.restore((answers.find((a) => a.questionId === q.question.id) || {}).optionIds || []));
    } catch {
      forgetAttempt(poll.id);
    }
  }

  function showForm(focusTarget) {
    confirmation.hidden = true;
    form.hidden = false;
    afterRefusal.hidden = true;
    (focusTarget || questions[0].first).focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const problems = [];
    let firstBad = null;
    for (const q of questions) {
      const problem = q.check();
      q.showProblem(problem);
      if (problem) {
        problems.push(problem);
        firstBad = firstBad || q;
      }
    }
    const passwordMissing = password !== null && password.input.value.trim() === '';
    if (password) {
      password.showError(passwordMissing ? t('vote.passwordMissing') : null);
      if (passwordMissing) {
        problems.push(t('vote.passwordMissing'));
      }
    }
    if (firstBad || passwordMissing) {
      say(problems.join(' '), 'error');
      (firstBad ? firstBad.first : password.input).focus();
      return;
    }
    clearMessage();
    ballot = { answers: questions.map((q) => ({ questionId: q.question.id, optionIds: q.chosen() })) };
    choices.replaceChildren(...questions.flatMap((q) => [
      h('dt', {}, `${t('vote.question', q.n)}. ${q.question.text}`),
      h('dd', {}, q.question.type === 'RANKING'
        ? h('ol', {}, q.chosenLabels().map((label) => h('li', {}, label)))
        : h('ul', {}, q.chosenLabels().map((label) => h('li', {}, label)))),
    ]));
    form.hidden = true;
    afterRefusal.hidden = true;
    confirmation.hidden = false;
    confirmation.querySelector('h2').focus();
  });

  editButton.addEventListener('click', () => {
    clearMessage();
    showForm();
  });

  confirmButton.addEventListener('click', async () => {
    if (blocked(confirmButton) || !ballot) {
      return;
    }
    block(confirmButton, true);
    say(t('vote.sending'));
    const key = idempotencyKey(poll.id, ballot); // the choices only: the password is not part of the attempt
    const headers = { 'Idempotency-Key': key, 'X-MVoting-Channel': 'WEB' };
    if (password) {
      headers['X-Poll-Password'] = encodeURIComponent(password.input.value); // header values are ASCII
    }
    try {
      const { data } = await request(`polls/${enc(poll.id)}/ballots`, {
        method: 'POST',
        body: ballot,
        auth: true,
        headers,
      });
      forgetAttempt(poll.id);
      rememberReceipt(poll.id, data.receipt);
      go(`/polls/${poll.id}/receipt/${enc(data.receipt)}`, { text: t('vote.cast') });
    } catch (error) {
      if (!(error instanceof ApiError)) {
        sayError(error);
      } else if (error.status === 0) {
        say(t('vote.networkRetry'), 'error'); // same choices → same key → at most one ballot
      } else if (error.status === 401) {
        // the choices stay in this tab (the attempt) and come back after signing in
        go(`/login?next=/polls/${poll.id}/vote`, { text: error.message, kind: 'error' });
      } else if (password && PASSWORD_REFUSALS.includes(error.code)) {
        // A missing or wrong password (or too many wrong ones) is not final for the choices: the attempt, and
        // with it the Idempotency-Key, stays. The server checks the password before it records anything, so this
        // attempt left no ballot; and if an earlier send of these same choices did count (its answer lost), the
        // same key makes the server hand back that receipt, whatever password comes with the retry, rather than
        // "already voted". A new key only comes with other choices. Either way one phone casts one ballot: the
        // server records a single participation per voter and poll.
        sayError(error);
        password.showError(error.message);
        showForm(password.input);
        password.input.select();
      } else if (error.status >= 500) {
        sayError(error);
      } else {
        forgetAttempt(poll.id); // refused for good: a new attempt gets a new key
        sayError(error);
        if (error.status === 422) {
          showForm(); // the ballot itself was refused: back to the choices
        } else {
          const receipt = receipts()[poll.id];
          afterRefusal.replaceChildren(
            receipt ? link(`/polls/${poll.id}/receipt/${enc(receipt)}`, t('poll.myReceipt'), { id: 'my-receipt-link' }) : '',
            link(`/polls/${poll.id}/results`, t('poll.results'), { id: 'results-link' }),
            back.cloneNode(true));
          afterRefusal.hidden = false;
        }
      }
    } finally {
      block(confirmButton, false);
    }
  });

  return h('section', {},
    heading,
    h('p', { class: 'intro' }, t('vote.intro')),
    form, confirmation,
    h('p', {}, back));
}

/** The refusals of a password-protected poll's ballot that ask for the password again. */
const PASSWORD_REFUSALS = ['poll-password-required', 'poll-password-wrong', 'rate-limited-poll-password-guesses'];

/**
 * A password input with its label, hint, error line and a show/hide toggle (a toggle button with aria-pressed).
 * ids: {id}, {id}-hint, {id}-error, {id}-toggle; the wrapper is {id}-field.
 */
function passwordField(id, { label, hint, autocomplete }) {
  const input = h('input', {
    type: 'password', id, name: id, autocomplete, maxlength: '64', required: true, autocapitalize: 'off',
    spellcheck: 'false', 'aria-describedby': `${id}-hint ${id}-error`,
  });
  const toggle = h('button', {
    type: 'button', id: `${id}-toggle`, class: 'secondary', 'aria-pressed': 'false', 'aria-controls': id,
  }, t('password.show'));
  const error = h('p', { id: `${id}-error`, class: 'field-error', hidden: true });
  toggle.addEventListener('click', () => {
    const show = input.type === 'password';
    input.type = show ? 'text' : 'password';
    toggle.setAttribute('aria-pressed', String(show));
  });
  const field = {
    input,
    error,
    box: h('div', { id: `${id}-field`, class: 'password-field' },
      h('label', { for: id }, label),
      h('p', { id: `${id}-hint`, class: 'hint' }, hint),
      h('div', { class: 'password-row' }, input, toggle),
      error),
    showError(text) {
      error.textContent = text || '';
      error.hidden = !text;
      if (text) {
        input.setAttribute('aria-invalid', 'true');
      } else {
        input.removeAttribute('aria-invalid');
      }
    },
  };
  input.addEventListener('input', () => field.showError(null));
  return field;
}

/**
 * The inputs for question number n: radios (one answer), checkboxes (several, with a live counter that holds
 * the maximum) or one rank select per option (RANKING). ids: q{n}-o{m}, n and m counted from 1.
 */
function questionInput(question, n) {
  const hintId = `q${n}-hint`;
  const errorId = `q${n}-error`;
  const fieldset = h('fieldset', { id: `q${n}`, class: `question ${question.type.toLowerCase().replace('_', '-')}`,
    'aria-describedby': `${hintId} ${errorId}` });
  const error = h('p', { id: errorId, class: 'field-error', hidden: true });
  fieldset.append(
    h('legend', {}, h('span', { class: 'qnum' }, t('vote.question', n)), ' ', question.text),
    h('p', { id: hintId, class: 'hint' }, selectionHint(question)),
    error);
  const options = question.options;
  const inputs = [];

  if (question.type === 'RANKING') {
    const ranks = Array.from({ length: question.maxSelections }, (_, i) => i + 1);
    options.forEach((option, i) => {
      const id = `q${n}-o${i + 1}`;
      const select = h('select', { id, name: `q${n}-o${i + 1}`, 'data-option': option.id },
        h('option', { value: '' }, t('vote.rankNone')),
        ranks.map((r) => h('option', { value: String(r) }, t('vote.rank', r))));
      select.dataset.previous = '';
      select.addEventListener('change', () => {
        // one option per rank: the option that had this rank takes this one's old rank
        const taken = inputs.find((other) => other !== select && other.value !== '' && other.value === select.value);
        if (taken) {
          taken.value = select.dataset.previous;
          taken.dataset.previous = taken.value;
        }
        select.dataset.previous = select.value;
      });
      inputs.push(select);
      fieldset.append(h('div', { class: 'rank-row' }, h('label', { for: id }, option.label), select));
    });
  } else {
    const multiple = question.type === 'MULTIPLE_CHOICE';
    const counter = multiple ? h('p', { id: `q${n}-count`, class: 'counter', 'aria-live': 'polite' }) : null;
    const list = h('div', { class: question.type === 'SCALE' ? 'choices-list scale' : 'choices-list' });
    options.forEach((option, i) => {
      const id = `q${n}-o${i + 1}`;
      const input = h('input', { type: multiple ? 'checkbox' : 'radio', id, name: `q${n}`, value: String(option.id) });
      inputs.push(input);
      list.append(h('div', { class: 'choice' }, input, h('label', { for: id }, option.label)));
    });
    fieldset.append(list);
    if (multiple) {
      const count = () => inputs.filter((i) => i.checked).length;
      const update = (over) => {
        counter.textContent = t('vote.counter', count(), question.maxSelections)
          + (over ? ` ${t('vote.maxReached', question.maxSelections)}` : '');
      };
      list.addEventListener('change', (event) => {
        const over = event.target.checked && count() > question.maxSelections;
        if (over) {
          event.target.checked = false; // hold the maximum: the person unticks another one first
        }
        update(over);
      });
      fieldset.append(counter);
      update(false);
      fieldset.refreshCounter = () => update(false);
    }
  }

  const rankedPairs = () => inputs.filter((s) => s.value !== '')
    .map((s) => ({ rank: Number(s.value), option: options[inputs.indexOf(s)] }))
    .sort((a, b) => a.rank - b.rank);

  return {
    question,
    n,
    fieldset,
    first: inputs[0],
    /** The option ids for the ballot (preference order for RANKING). */
    chosen() {
      if (question.type === 'RANKING') {
        return rankedPairs().map((p) => p.option.id);
      }
      return options.filter((o, i) => inputs[i].checked).map((o) => o.id);
    },
    chosenLabels() {
      if (question.type === 'RANKING') {
        return rankedPairs().map((p) => `${t('vote.rank', p.rank)}: ${p.option.label}`);
      }
      return options.filter((o, i) => inputs[i].checked).map((o) => o.label);
    },
    /** Shows (or clears) what is wrong next to the question itself. */
    showProblem(problem) {
      error.textContent = problem || '';
      error.hidden = !problem;
      fieldset.classList.toggle('invalid', Boolean(problem));
    },
    /** What is wrong with the answer, in words, or null. */
    check() {
      const chosen = this.chosen();
      if (chosen.length === 0) {
        return t('vote.missing', n);
      }
      if (question.type === 'RANKING') {
        const gaps = rankedPairs().some((p, i) => p.rank !== i + 1);
        if (gaps) {
          return t('vote.rankGaps', n);
        }
      }
      if (chosen.length < question.minSelections) {
        return t('vote.tooFew', n, question.minSelections);
      }
      return null;
    },
    restore(optionIds) {
      if (question.type === 'RANKING') {
        inputs.forEach((s, i) => {
          const at = optionIds.indexOf(options[i].id);
          s.value = at >= 0 && at < question.maxSelections ? String(at + 1) : '';
          s.dataset.previous = s.value;
        });
        return;
      }
      inputs.forEach((input, i) => {
        input.checked = optionIds.includes(options[i].id);
      });
      if (fieldset.refreshCounter) {
        fieldset.refreshCounter();
      }
    },
  };
}

// ---------------------------------------------------------------- 5. receipt

async function receiptPage(id, receipt) {
  const status = h('p', { id: 'receipt-status', class: 'receipt-status', hidden: true });
  const checkButton = h('button', { type: 'button', id: 'check-receipt', class: 'primary' }, t('receipt.check'));
  const code = h('p', { id: 'receipt-code', class: 'receipt-code', 'aria-labelledby': 'receipt-code-label' }, receipt);
  const copyButton = h('button', { type: 'button', id: 'copy-receipt', class: 'secondary' }, t('receipt.copy'));

  copyButton.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(receipt);
      say(t('receipt.copied'));
    } catch {
      // no clipboard (plain http, old browser): select the number so the person can copy or note it
      const range = document.createRange();
      range.selectNodeContents(code);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      say(t('receipt.copyFailed'), 'error');
    }
  });

  checkButton.addEventListener('click', async () => {
    if (blocked(checkButton)) {
      return;
    }
    block(checkButton, true);
    try {
      const { data } = await request(`polls/${enc(id)}/receipts/${enc(receipt)}`);
      const words = t(`receipt.status.${data.status}`);
      status.dataset.status = data.status;
      status.replaceChildren(
        h('span', { class: 'label' }, `${t('receipt.statusLabel')}: `), words,
        data.status === 'COUNTED' && data.castHour ? h('span', { class: 'cast-hour' }, t('receipt.castHour', dateTime(data.castHour))) : null);
      status.hidden = false;
      say(words);
    } catch (error) {
      sayError(error);
    } finally {
      block(checkButton, false);
    }
  });

  return h('section', {},
    h('h1', {}, t('receipt.heading')),
    h('p', { class: 'intro' }, t('receipt.intro')),
    h('div', { class: 'receipt-box' },
      h('p', { id: 'receipt-code-label', class: 'label' }, t('receipt.code')),
      code,
      h('div', { class: 'actions' }, copyButton, checkButton),
      status),
    h('p', { class: 'actions' },
      link(`/polls/${id}/results`, t('poll.results'), { id: 'results-link' }),
      link(`/polls/${id}`, t('common.backToPoll')),
      link('/', t('common.backToPolls'))));
}

// ---------------------------------------------------------------- 6. results

async function resultsPage(id) {
  const backToPoll = link(`/polls/${id}`, t('common.backToPoll'));
  let results;
  try {
    results = (await request(`polls/${enc(id)}/results`, { auth: true })).data;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      try {
        results = (await request(`polls/${enc(id)}/results`)).data; // token refused (and dropped): ask as a guest
      } catch (second) {
        return refusedResults(second, backToPoll);
      }
    } else {
      return refusedResults(error, backToPoll);
    }
  }
  const refresh = h('button', { type: 'button', id: 'refresh-results', class: 'secondary' }, t('results.refresh'));
  refresh.addEventListener('click', () => go(`/polls/${id}/results`, { text: t('results.updated') }));

  // a closed poll has a results summary (for a petition): its verification code, the PDF and the check page
  let summary = null;
  if (results.status === 'CLOSED') {
    try {
      const { data } = await request(`polls/${enc(id)}/summary`);
      summary = h('section', { id: 'summary', 'aria-labelledby': 'summary-heading' },
        h('h2', { id: 'summary-heading' }, t('summary.heading')),
        h('p', { class: 'hint' }, t('summary.intro')),
        h('p', {}, t('summary.code'), ' ', h('strong', { id: 'summary-code' }, data.verificationCode)),
        h('p', { class: 'actions' },
          h('a', { id: 'summary-pdf', class: 'button secondary', href: new URL(`../api/v1/polls/${enc(id)}/summary.pdf`, location.href).href,
            download: `mvoting-summary-${data.verificationCode}.pdf` }, t('summary.pdf')),
          h('a', { id: 'summary-check', href: `check.html?code=${encodeURIComponent(data.verificationCode)}` }, t('summary.check'))));
    } catch {
      summary = null; // the results stand on their own; the summary is an extra
    }
  }

  const notes = [results.finalResult ? t('results.final') : t('results.live')];
  if (results.finalResult && results.tallyVerified !== null && results.tallyVerified !== undefined) {
    notes.push(results.tallyVerified ? t('results.verified') : t('results.notVerified'));
  }
  return h('section', {},
    h('h1', {}, h('span', { class: 'eyebrow' }, t('results.heading')), ' ', results.title),
    h('p', { class: 'facts-line' },
      h('span', { id: 'results-status' }, t(`status.${results.status}`)), ' · ',
      h('span', { id: 'results-ballots', 'data-ballots': results.ballots }, t('results.ballots', number(results.ballots)))),
    h('p', { class: 'hint' }, notes.join(' ')),
    results.questions.map((q, qi) => h('section', { class: 'result-question', 'aria-labelledby': `result-q${qi + 1}-heading` },
      h('h2', { id: `result-q${qi + 1}-heading` }, `${t('vote.question', qi + 1)}. ${q.text}`),
      q.type === 'RANKING' ? h('p', { class: 'hint' }, t('results.pointsNote')) : null,
      h('ul', { class: 'results' }, q.options.map((o, oi) => resultRow(q, o, qi + 1, oi + 1))))),
    summary,
    h('div', { class: 'actions' }, refresh),
    h('p', {}, backToPoll));
}

function resultRow(question, option, n, m) {
  const percent = Math.max(0, Math.min(100, option.share * 100));
  const numbers = t('results.votes', number(option.votes), number(percent, 1))
    + (question.type === 'RANKING' ? ` · ${t('results.points', number(option.points))}` : '');
  const fill = h('span', { class: 'fill' });
  fill.style.width = `${percent}%`;
  return h('li', { id: `result-q${n}-o${m}`, 'data-votes': option.votes, 'data-share': option.share },
    h('div', { class: 'result-text' },
      h('span', { class: 'result-label' }, option.label),
      h('span', { class: 'result-numbers' }, numbers)),
    h('div', { class: 'bar', 'aria-hidden': 'true' }, fill)); // the numbers above say it in words
}

function refusedResults(error, backToPoll) {
  sayError(error); // e.g. 403 results-not-visible: the server says when they will be
  return h('section', {},
    h('h1', {}, error instanceof ApiError && error.title ? error.title : t('results.heading')),
    h('p', { id: 'results-refused', class: 'notice' }, error instanceof ApiError ? error.message : t('error.unexpected')),
    h('p', { class: 'actions' }, backToPoll, link('/', t('common.backToPolls'))));
}

// ---------------------------------------------------------------- 7. my details

async function mePage() {
  if (needsSignIn('/me')) {
    return null;
  }
  const phone = getMaskedPhone();
  return h('section', {},
    h('h1', {}, t('me.heading')),
    h('p', { class: 'intro' }, t('me.intro')),
    phone ? h('dl', { class: 'facts' },
      h('dt', {}, t('me.phone')),
      h('dd', {}, h('span', { id: 'me-phone' }, phone), h('span', { class: 'hint me-phone-hint' }, t('me.phoneMasked'))))
      : null,
    h('section', { class: 'me-card', 'aria-labelledby': 'me-history-heading' },
      h('h2', { id: 'me-history-heading' }, t('me.historyHeading')),
      h('p', { class: 'hint' }, t('me.historyHint')),
      link('/me/history', t('me.historyLink'), { id: 'me-history-link' })),
    h('section', { class: 'me-card', 'aria-labelledby': 'me-profile-heading' },
      h('h2', { id: 'me-profile-heading' }, t('me.profileHeading')),
      h('p', { class: 'hint' }, t('me.profileHint')),
      link('/me/profile', t('me.profileLink'), { id: 'me-profile-link' })),
    h('section', { class: 'me-card', 'aria-labelledby': 'me-polls-heading' },
      h('h2', { id: 'me-polls-heading' }, t('me.pollsHeading')),
      h('p', { class: 'hint' }, t('me.pollsHint')),
      h('ul', { class: 'link-list' },
        h('li', {}, link('/me/polls', t('me.pollsLink'), { id: 'me-polls-link' })),
        h('li', {}, link('/citizen-polls/new', t('me.createLink'), { id: 'me-create-link' })))),
    h('p', {}, link('/', t('common.backToPolls'))));
}

// ---------------------------------------------------------------- 8. my participation history

/** A calendar day from the API (2026-11-03) in words; the year only when it is not this year. */
function day(isoDate) {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(isoDate));
  if (!parts) {
    return String(isoDate);
  }
  const [year, month, date] = parts.slice(1).map(Number);
  const options = { month: 'long', day: 'numeric', weekday: 'short', timeZone: 'UTC' };
  if (year !== new Date().getFullYear()) {
    options.year = 'numeric';
  }
  return new Intl.DateTimeFormat(formatLocale(), options).format(new Date(Date.UTC(year, month - 1, date)));
}

async function historyPage() {
  if (needsSignIn('/me/history')) {
    return null;
  }
  let items;
  try {
    items = (await request('me/participations', { auth: true })).data || [];
  } catch (error) {
    if (signInAgain(error, '/me/history', { replace: true })) {
      return null;
    }
    throw error;
  }
  const content = items.length === 0
    ? h('p', { id: 'history-empty', class: 'notice' }, t('history.empty'))
    : [h('p', { class: 'hint' }, t('history.count', number(items.length))),
      h('ul', { id: 'history-list', class: 'history' }, items.map(historyItem))];
  return h('section', {},
    h('h1', {}, t('history.heading')),
    h('p', { class: 'intro' }, t('history.intro')),
    content,
    h('p', { class: 'actions' }, link('/me', t('me.back')), link('/', t('common.backToPolls'))));
}

function historyItem(p) {
  const titleId = `history-title-${p.pollId}`;
  return h('li', { id: `history-item-${p.pollId}`, class: 'history-item' },
    // a removed poll has no page any more: its title stays, as text
    p.status === 'REMOVED'
      ? h('p', { id: titleId, class: 'history-title' }, p.title)
      : h('p', { class: 'history-title' }, link(`/polls/${enc(p.pollId)}`, p.title, { id: titleId })),
    h('dl', { class: 'facts' },
      h('dt', {}, t('history.votedOn')), h('dd', {}, h('time', { datetime: p.votedOn }, day(p.votedOn))),
      h('dt', {}, t('history.channel')), h('dd', { 'data-channel': p.channel }, t(`channel.${p.channel}`)),
      h('dt', {}, t('history.status')), h('dd', { 'data-status': p.status }, t(`status.${p.status}`))));
}

// ---------------------------------------------------------------- 9. my panel profile

/** Gender, in the enum's order (MobileTextsTest compares both lists with the enums). */
const GENDERS = ['FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED'];
/** SeoulDistrict, in the enum's order; the select shows them sorted by name in the chosen language. */
const DISTRICTS = ['JONGNO', 'JUNG', 'YONGSAN', 'SEONGDONG', 'GWANGJIN', 'DONGDAEMUN', 'JUNGNANG', 'SEONGBUK',
  'GANGBUK', 'DOBONG', 'NOWON', 'EUNPYEONG', 'SEODAEMUN', 'MAPO', 'YANGCHEON', 'GANGSEO', 'GURO', 'GEUMCHEON',
  'YEONGDEUNGPO', 'DONGJAK', 'GWANAK', 'SEOCHO', 'GANGNAM', 'SONGPA', 'GANGDONG'];

async function profilePage() {
  if (needsSignIn('/me/profile')) {
    return null;
  }
  let profile = null;
  try {
    profile = (await request('me/profile', { auth: true })).data;
  } catch (error) {
    if (signInAgain(error, '/me/profile', { replace: true })) {
      return null;
    }
    if (!(error instanceof ApiError && error.status === 404)) {
      throw error; // 404 profile-not-found is the empty state, anything else a refusal
    }
  }

  // ---- the form (empty state and "change")
  const fieldError = (id) => h('p', { id: `${id}-error`, class: 'field-error', hidden: true });
  const genderError = fieldError('gender');
  const genderInputs = GENDERS.map((g) => h('input', { type: 'radio', id: `gender-${g}`, name: 'gender', value: g }));
  const genderSet = h('fieldset', { id: 'gender-group', class: 'group', 'aria-describedby': 'gender-error' },
    h('legend', {}, t('profile.gender')),
    genderError,
    h('div', { class: 'choices-list' }, GENDERS.map((g, i) => h('div', { class: 'choice' },
      genderInputs[i], h('label', { for: `gender-${g}` }, t(`gender.${g}`))))));

  const collator = new Intl.Collator(formatLocale());
  const districtError = fieldError('district');
  const districtSelect = h('select', {
    id: 'district', name: 'district', required: true, 'aria-describedby': 'district-hint district-error',
  },
  h('option', { value: '' }, t('profile.districtChoose')),
  DISTRICTS.map((d) => ({ d, name: t(`district.${d}`) }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map(({ d, name }) => h('option', { value: d }, name)));

  const youngest = new Date().getFullYear() - 14; // the server holds the real range and says it when refusing
  const birthError = fieldError('birth-year');
  const birthInput = h('input', {
    type: 'number', id: 'birth-year', name: 'birthYear', inputmode: 'numeric', min: '1900', max: String(youngest),
    step: '1', autocomplete: 'bday-year', required: true, 'aria-describedby': 'birth-year-hint birth-year-error',
  });

  const consentError = fieldError('consent');
  const consentAgain = h('p', { id: 'consent-again', class: 'hint' });
  const consentBox = h('input', {
    type: 'checkbox', id: 'consent', name: 'consent', 'aria-describedby': 'consent-text consent-again consent-error',
  });
  const consentSet = h('fieldset', { id: 'consent-group', class: 'group consent' },
    h('legend', {}, t('profile.consentLegend')),
    h('ul', { id: 'consent-text', class: 'consent-text' },
      h('li', {}, t('profile.consentItems')),
      h('li', {}, t('profile.consentPurpose')),
      h('li', {}, t('profile.consentBallots')),
      h('li', {}, t('profile.consentRetention')),
      h('li', {}, t('profile.consentRefuse'))),
    consentAgain,
    consentError,
    h('div', { class: 'choice' }, consentBox, h('label', { for: 'consent' }, t('profile.consentLabel'))));

  const saveButton = h('button', { type: 'submit', id: 'save-profile', class: 'primary' }, t('profile.save'));
  const cancelEdit = h('button', { type: 'button', id: 'cancel-edit', class: 'secondary' }, t('profile.cancelEdit'));
  const form = h('form', { id: 'profile-form', novalidate: true, 'aria-labelledby': 'profile-form-heading' },
    genderSet,
    h('label', { for: 'district' }, t('profile.district')),
    h('p', { id: 'district-hint', class: 'hint' }, t('profile.districtHint')),
    districtSelect, districtError,
    h('label', { for: 'birth-year' }, t('profile.birthYear')),
    h('p', { id: 'birth-year-hint', class: 'hint' }, t('profile.birthYearHint')),
    birthInput, birthError,
    consentSet,
    h('div', { class: 'actions' }, saveButton, cancelEdit));
  const formHeading = h('h2', { id: 'profile-form-heading', tabindex: '-1' });
  const formSection = h('section', { id: 'profile-form-section' }, formHeading, form);

  /** Per API field: where its problem is written, how it is marked invalid, what gets focus. */
  const fields = {
    gender: { error: genderError, inputs: genderInputs, box: genderSet, focus: () => (genderInputs.find((i) => i.checked) || genderInputs[0]).focus() },
    district: { error: districtError, inputs: [districtSelect], focus: () => districtSelect.focus() },
    birthYear: { error: birthError, inputs: [birthInput], focus: () => birthInput.focus() },
    consent: { error: consentError, inputs: [consentBox], box: consentSet, focus: () => consentBox.focus() },
  };

  function showFieldError(name, text) {
    const field = fields[name];
    field.error.textContent = text || '';
    field.error.hidden = !text;
    field.inputs.forEach((input) => (text ? input.setAttribute('aria-invalid', 'true') : input.removeAttribute('aria-invalid')));
    if (field.box) {
      field.box.classList.toggle('invalid', Boolean(text));
    }
  }

  /** Checks the form on the page; shows each problem next to its field and returns them in form order. */
  function check() {
    const problems = [];
    if (!genderInputs.some((i) => i.checked)) {
      problems.push(['gender', t('profile.genderRequired')]);
    }
    if (!districtSelect.value) {
      problems.push(['district', t('profile.districtRequired')]);
    }
    if (!/^[0-9]{4}$/.test(birthInput.value.trim())) {
      problems.push(['birthYear', t('profile.birthYearRequired')]);
    }
    if (!consentBox.checked) {
      problems.push(['consent', t('profile.consentRequired')]);
    }
    Object.keys(fields).forEach((name) => showFieldError(name, (problems.find(([n]) => n === name) || [])[1]));
    return problems;
  }

  /** A refusal the server tied to a field (profile-birth-year, profile-consent-required, validation-failed). */
  function showRefusal(error) {
    if (!(error instanceof ApiError)) {
      return;
    }
    const byCode = { 'profile-birth-year': 'birthYear', 'profile-consent-required': 'consent' };
    const listed = error.problem && Array.isArray(error.problem.errors) ? error.problem.errors : [];
    const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
    const problems = own(byCode, error.code) ? [[byCode[error.code], error.message]]
      : listed.filter((e) => e && own(fields, e.field) && e.message).map((e) => [e.field, e.message]);
    problems.forEach(([name, text]) => showFieldError(name, text));
    if (problems.length > 0) {
      fields[problems[0][0]].focus();
    }
  }

  function fillForm(from) {
    genderInputs.forEach((input) => {
      input.checked = Boolean(from) && input.value === from.gender;
    });
    districtSelect.value = from ? from.district : '';
    birthInput.value = from ? String(from.birthYear) : '';
    consentBox.checked = false; // consent is given again with every change
    consentAgain.textContent = from ? t('profile.consentAgain') : '';
    consentAgain.hidden = !from;
    Object.keys(fields).forEach((name) => showFieldError(name, null));
  }

  // ---- the empty state
  const emptyHeading = h('h2', { id: 'profile-empty-heading', tabindex: '-1' }, t('profile.emptyHeading'));
  const emptyBox = h('section', { id: 'profile-empty', 'aria-labelledby': 'profile-empty-heading' },
    emptyHeading,
    h('p', {}, t('profile.about')),
    h('p', {}, t('profile.ballotsNote')));

  // ---- the stored profile, change and withdraw
  const summaryHeading = h('h2', { id: 'profile-summary-heading', tabindex: '-1' }, t('profile.summaryHeading'));
  const facts = h('dl', { class: 'facts' });
  const changeButton = h('button', { type: 'button', id: 'change-profile', class: 'secondary' }, t('profile.change'));
  const withdrawButton = h('button', { type: 'button', id: 'withdraw-profile', class: 'secondary danger' }, t('profile.withdraw'));
  const summaryActions = h('div', { class: 'actions' }, changeButton, withdrawButton);
  const confirmButton = h('button', { type: 'button', id: 'confirm-withdraw', class: 'primary danger' }, t('profile.confirmWithdraw'));
  const cancelWithdraw = h('button', { type: 'button', id: 'cancel-withdraw', class: 'secondary' }, t('profile.cancelWithdraw'));
  const confirmHeading = h('h3', { id: 'withdraw-heading', tabindex: '-1' }, t('profile.withdrawHeading'));
  const confirmBox = h('section', { id: 'withdraw-confirm', class: 'confirm-box', hidden: true, 'aria-labelledby': 'withdraw-heading' },
    confirmHeading,
    h('p', {}, t('profile.withdrawText')),
    h('div', { class: 'actions' }, confirmButton, cancelWithdraw));
  const summary = h('section', { id: 'profile-summary', 'aria-labelledby': 'profile-summary-heading' },
    summaryHeading, facts, summaryActions, confirmBox);

  function showEmpty() {
    fillForm(null);
    formHeading.textContent = t('profile.formNew');
    cancelEdit.hidden = true;
    emptyBox.hidden = false;
    summary.hidden = true;
    formSection.hidden = false;
  }

  function showSummary() {
    facts.replaceChildren(
      h('dt', {}, t('profile.gender')), h('dd', { id: 'summary-gender' }, t(`gender.${profile.gender}`)),
      h('dt', {}, t('profile.district')), h('dd', { id: 'summary-district' }, t(`district.${profile.district}`)),
      h('dt', {}, t('profile.birthYear')), h('dd', { id: 'summary-birth-year' }, t('profile.birthYearValue', profile.birthYear)),
      ...(profile.consentedAt ? [h('dt', {}, t('profile.consentedAt')), h('dd', {}, dateTime(profile.consentedAt))] : []));
    emptyBox.hidden = true;
    formSection.hidden = true;
    summary.hidden = false;
    summaryActions.hidden = false;
    confirmBox.hidden = true;
  }

  function showEdit() {
    fillForm(profile);
    formHeading.textContent = t('profile.formChange');
    cancelEdit.hidden = false;
    emptyBox.hidden = true;
    summary.hidden = true;
    formSection.hidden = false;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (blocked(saveButton)) {
      return;
    }
    const problems = check();
    if (problems.length > 0) {
      say(problems.map(([, text]) => text).join(' '), 'error');
      fields[problems[0][0]].focus();
      return;
    }
    const body = {
      consent: consentBox.checked,
      gender: genderInputs.find((i) => i.checked).value,
      district: districtSelect.value,
      birthYear: Number(birthInput.value.trim()),
    };
    block(saveButton, true);
    try {
      profile = (await request('me/profile', { method: 'PUT', body, auth: true })).data;
      showSummary();
      say(t('profile.saved'));
      summaryHeading.focus();
    } catch (error) {
      if (!signInAgain(error, '/me/profile')) {
        sayError(error); // e.g. 422 profile-birth-year: the server's words, with the range
        showRefusal(error);
      }
    } finally {
      block(saveButton, false);
    }
  });

  changeButton.addEventListener('click', () => {
    clearMessage();
    showEdit();
    formHeading.focus();
  });

  cancelEdit.addEventListener('click', () => {
    clearMessage();
    showSummary();
    changeButton.focus();
  });

  confirmStep(withdrawButton, cancelWithdraw, summaryActions, confirmBox, confirmHeading);

  confirmButton.addEventListener('click', async () => {
    if (blocked(confirmButton)) {
      return;
    }
    block(confirmButton, true);
    try {
      await request('me/profile', { method: 'DELETE', auth: true });
      profile = null;
      showEmpty();
      say(t('profile.withdrawn'));
      emptyHeading.focus();
    } catch (error) {
      if (signInAgain(error, '/me/profile')) {
        return;
      }
      sayError(error);
      if (error instanceof ApiError && error.status === 404) {
        profile = null; // already gone (another device): the same outcome
        showEmpty();
        emptyHeading.focus();
      }
    } finally {
      block(confirmButton, false);
    }
  });

  if (profile) {
    showSummary();
  } else {
    showEmpty();
  }
  return h('section', {},
    h('h1', {}, t('profile.heading')),
    h('p', { class: 'intro' }, t('profile.intro')),
    emptyBox, summary, formSection,
    h('p', { class: 'actions' }, link('/me', t('me.back')), link('/', t('common.backToPolls'))));
}

// ---------------------------------------------------------------- 10. citizens ask citizens: shared pieces

/** Who may vote in a citizen's poll, in the enum's order (MobileTextsTest compares it with CitizenPollVisibility). */
const CITIZEN_VISIBILITIES = ['PUBLIC', 'PASSWORD', 'INVITE_ONLY'];

function citizenVisibilityWords(visibility) {
  switch (visibility) {
    case 'PASSWORD': return t('cp.visibility.PASSWORD');
    case 'INVITE_ONLY': return t('cp.visibility.INVITE_ONLY');
    default: return t('cp.visibility.PUBLIC');
  }
}

/** What screening found (a held poll's heldFor), in words; a category this page does not know as it came. */
function findingWords(category) {
  switch (category) {
    case 'ABUSIVE': return t('finding.ABUSIVE');
    case 'POLITICAL': return t('finding.POLITICAL');
    case 'COMMERCIAL': return t('finding.COMMERCIAL');
    case 'RESIDENT_REGISTRATION_NUMBER': return t('finding.RESIDENT_REGISTRATION_NUMBER');
    case 'PHONE_NUMBER': return t('finding.PHONE_NUMBER');
    case 'EMAIL': return t('finding.EMAIL');
    default: return String(category);
  }
}

/** The held poll's findings as one list of categories in words ("욕설, 정치"), each category once. */
function findingsWords(heldFor) {
  const categories = [...new Set((heldFor || []).map((f) => f.category))];
  return new Intl.ListFormat(formatLocale(), { type: 'conjunction' }).format(categories.map(findingWords));
}

/**
 * The short link of a poll (/p/{code}), absolute, on the address this page came from: with the site at the root
 * this is location.origin + '/p/' + code; resolved from the app's own address so it stays right under a context path.
 */
function shareUrl(shortCode) {
  return new URL(`../p/${enc(shortCode)}`, import.meta.url).href;
}

/** Copies text; without a clipboard (plain http, an old browser) selects node's text so the person can copy it. */
async function copyText(text, node) {
  try {
    await navigator.clipboard.writeText(text);
    say(t('share.copied'));
  } catch {
    const range = document.createRange();
    range.selectNodeContents(node);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    say(t('share.copyFailed'), 'error');
  }
}

/** The share link as a link, with its copy button; ids {idPrefix} and copy-{idPrefix} unless given. */
function shareBox(shortCode, linkId, copyId) {
  const url = shareUrl(shortCode);
  const anchor = h('a', { id: linkId, class: 'share-link', href: url }, url);
  const copyButton = h('button', { type: 'button', id: copyId, class: 'secondary', 'aria-describedby': linkId }, t('share.copy'));
  copyButton.addEventListener('click', () => copyText(url, anchor));
  return h('div', { class: 'share-box' }, h('p', { class: 'share-line' }, anchor), h('div', { class: 'actions' }, copyButton));
}

// ---------------------------------------------------------------- 11. the citizens' poll directory

async function citizenPollsPage() {
  const list = h('ul', { class: 'polls', id: 'citizen-poll-list', 'aria-labelledby': 'citizen-polls-heading' });
  const empty = h('p', { id: 'citizen-polls-empty', class: 'empty', hidden: true }, t('citizenPolls.empty'));
  const more = h('button', { type: 'button', id: 'more-citizen-polls', class: 'secondary', hidden: true }, t('home.more'));
  let page = 0;

  async function load() {
    const { data } = await request(`citizen-polls?page=${page}&size=${PAGE_SIZE}`);
    const now = Date.now();
    (data.items || []).forEach((poll) => list.append(pollItem(poll, Date.parse(poll.closesAt) - now < DAY_MS, 'citizen-poll-link')));
    empty.hidden = list.children.length > 0;
    more.hidden = (page + 1) * PAGE_SIZE >= data.total;
  }

  more.addEventListener('click', async () => {
    if (blocked(more)) {
      return;
    }
    block(more, true);
    const firstNew = list.children.length;
    page += 1;
    try {
      await load();
      const links = list.querySelectorAll('a');
      if (links[firstNew]) {
        links[firstNew].focus(); // straight to the first poll that was added
      }
    } catch (error) {
      page -= 1;
      sayError(error);
    } finally {
      block(more, false);
    }
  });

  await load();
  return h('section', {},
    h('h1', { id: 'citizen-polls-heading' }, t('citizenPolls.heading')),
    h('p', { class: 'intro' }, t('citizenPolls.intro')),
    h('ul', { class: 'link-list' },
      h('li', {}, link('/citizen-polls/new', t('home.createPoll'), { id: 'directory-create-link' })),
      getToken() ? h('li', {}, link('/me/polls', t('home.myPolls'), { id: 'directory-my-polls-link' })) : null),
    empty, list, more,
    h('p', {}, link('/', t('common.backToPolls'))));
}

// ---------------------------------------------------------------- 12. make a poll

/** How long a citizen's poll stays open, in minutes: the short ones are for a quick poll among people in a room. */
const DURATIONS = [30, 60, 24 * 60, 3 * 24 * 60, 7 * 24 * 60];
const DEFAULT_DURATION = 24 * 60;
const QUESTION_TYPES = ['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'YES_NO', 'SCALE', 'RANKING'];
const RESULTS_CHOICES = ['LIVE', 'AFTER_VOTING', 'AFTER_CLOSE'];
const MAX_QUESTIONS = 5;
const MAX_OPTIONS = 30;
const MAX_SCALE = 10;
const MAX_INVITEES = 500;
const DRAFT_KEY = 'mvoting.citizenPollDraft';

/** Polls made in this tab, by id: the "created" view shows the answer of the POST without asking again. */
const createdPolls = new Map();

function durationWords(minutes) {
  switch (minutes) {
    case 30: return t('create.duration.30m');
    case 60: return t('create.duration.1h');
    case 24 * 60: return t('create.duration.1d');
    case 3 * 24 * 60: return t('create.duration.3d');
    default: return t('create.duration.7d');
  }
}

function resultsChoiceWords(choice) {
  switch (choice) {
    case 'LIVE': return t('create.results.LIVE');
    case 'AFTER_CLOSE': return t('create.results.AFTER_CLOSE');
    default: return t('create.results.AFTER_VOTING');
  }
}

/** Non-empty trimmed lines. */
function lines(text) {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}

/** Phone numbers typed one a line or separated by commas (or semicolons). */
function phoneList(text) {
  return text.split(/[\n,;]+/).map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * One question of the form: its text, type, and (by type) the options one a line, the top of the scale or
 * nothing (yes/no). ids follow its number, which changes when a question above it is removed: cp-q{n}-text,
 * cp-q{n}-type, cp-q{n}-options, cp-q{n}-scale, cp-q{n}-remove, cp-q{n}-text-error, cp-q{n}-options-error.
 */
function questionEditor(onRemove) {
  const legend = h('legend', {});
  const textLabel = h('label', {}, t('create.questionText'));
  const text = h('input', { type: 'text', maxlength: '1000', required: true });
  const textError = h('p', { class: 'field-error', hidden: true });
  const typeLabel = h('label', {}, t('create.questionType'));
  const type = h('select', {}, QUESTION_TYPES.map((q) => h('option', { value: q }, t(`qtype.${q}`))));
  const typeHint = h('p', { class: 'hint' });
  const optionsLabel = h('label', {}, t('create.options'));
  const optionsHint = h('p', { class: 'hint' }, t('create.optionsHint', MAX_OPTIONS));
  const options = h('textarea', { rows: '4' });
  const optionsError = h('p', { class: 'field-error', hidden: true });
  const optionsBox = h('div', {}, optionsLabel, optionsHint, options, optionsError);
  const scaleLabel = h('label', {}, t('create.scaleMax'));
  const scale = h('select', {}, Array.from({ length: MAX_SCALE - 1 }, (_, i) => i + 2)
    .map((n) => h('option', { value: String(n) }, t('create.scaleValue', n))));
  scale.value = '5';
  const scaleBox = h('div', { hidden: true }, scaleLabel, scale);
  const removeButton = h('button', { type: 'button', class: 'secondary danger' });
  const fieldset = h('fieldset', { class: 'group cp-question' },
    legend,
    textLabel, text, textError,
    typeLabel, type, typeHint,
    optionsBox, scaleBox,
    h('div', { class: 'actions' }, removeButton));
  let number = 0;

  function showType() {
    const kind = type.value;
    optionsBox.hidden = kind === 'YES_NO' || kind === 'SCALE';
    scaleBox.hidden = kind !== 'SCALE';
    switch (kind) {
      case 'MULTIPLE_CHOICE': typeHint.textContent = t('create.typeHint.MULTIPLE_CHOICE'); break;
      case 'YES_NO': typeHint.textContent = t('create.typeHint.YES_NO'); break;
      case 'SCALE': typeHint.textContent = t('create.typeHint.SCALE'); break;
      case 'RANKING': typeHint.textContent = t('create.typeHint.RANKING'); break;
      default: typeHint.textContent = t('create.typeHint.SINGLE_CHOICE'); break;
    }
  }
  type.addEventListener('change', () => {
    showType();
    editor.showProblems([]);
  });
  removeButton.addEventListener('click', () => onRemove(editor));
  text.addEventListener('input', () => show(textError, text, null));
  options.addEventListener('input', () => show(optionsError, options, null));

  function show(error, input, message) {
    error.textContent = message || '';
    error.hidden = !message;
    if (message) {
      input.setAttribute('aria-invalid', 'true');
    } else {
      input.removeAttribute('aria-invalid');
    }
  }

  const editor = {
    fieldset,
    text,
    options,
    get number() {
      return number;
    },
    setNumber(n, removable) {
      number = n;
      const p = `cp-q${n}`;
      fieldset.id = p;
      legend.textContent = t('create.questionN', n);
      text.id = `${p}-text`;
      text.name = `${p}-text`;
      textLabel.htmlFor = text.id;
      textError.id = `${p}-text-error`;
      text.setAttribute('aria-describedby', textError.id);
      type.id = `${p}-type`;
      type.name = `${p}-type`;
      typeLabel.htmlFor = type.id;
      typeHint.id = `${p}-type-hint`;
      type.setAttribute('aria-describedby', typeHint.id);
      options.id = `${p}-options`;
      options.name = `${p}-options`;
      optionsLabel.htmlFor = options.id;
      optionsHint.id = `${p}-options-hint`;
      optionsError.id = `${p}-options-error`;
      options.setAttribute('aria-describedby', `${optionsHint.id} ${optionsError.id}`);
      scale.id = `${p}-scale`;
      scale.name = `${p}-scale`;
      scaleLabel.htmlFor = scale.id;
      removeButton.id = `${p}-remove`;
      removeButton.textContent = t('create.removeQuestion', n);
      removeButton.hidden = !removable;
    },
    /** The question as the API takes it (QuestionDraft): yes/no without options, a scale by its top. */
    draft() {
      const kind = type.value;
      const q = { type: kind, text: text.value.trim(), options: [] };
      if (kind === 'SCALE') {
        q.scaleMax = Number(scale.value);
      } else if (kind !== 'YES_NO') {
        q.options = lines(options.value);
      }
      return q;
    },
    /** What is wrong, as [element, message] pairs in the form's order; also shown next to the fields. */
    check() {
      const problems = [];
      const q = editor.draft();
      if (q.text === '') {
        problems.push([text, t('create.questionTextRequired', number)]);
      }
      if (!optionsBox.hidden) {
        if (q.options.length < 2) {
          problems.push([options, t('create.optionsTooFew', number)]);
        } else if (q.options.length > MAX_OPTIONS) {
          problems.push([options, t('create.optionsTooMany', number, MAX_OPTIONS)]);
        } else if (new Set(q.options).size !== q.options.length) {
          problems.push([options, t('create.optionsDuplicate', number)]);
        } else if (q.options.some((o) => o.length > 300)) {
          problems.push([options, t('create.optionTooLong', number, 300)]);
        }
      }
      editor.showProblems(problems);
      return problems;
    },
    showProblems(problems) {
      show(textError, text, (problems.find(([el]) => el === text) || [])[1]);
      show(optionsError, options, (problems.find(([el]) => el === options) || [])[1]);
    },
    showTextError(message) {
      show(textError, text, message);
    },
    showOptionsError(message) {
      show(optionsError, options, message);
    },
    /** For keeping the form across a new sign-in. */
    state() {
      return { type: type.value, text: text.value, options: options.value, scale: scale.value };
    },
    restore(state) {
      type.value = QUESTION_TYPES.includes(state.type) ? state.type : 'SINGLE_CHOICE';
      text.value = String(state.text || '');
      options.value = String(state.options || '');
      scale.value = /^([2-9]|10)$/.test(String(state.scale)) ? String(state.scale) : '5';
      showType();
    },
  };
  showType();
  return editor;
}

function readDraft() {
  try {
    const draft = JSON.parse(sessionStorage.getItem(DRAFT_KEY) || 'null');
    sessionStorage.removeItem(DRAFT_KEY);
    return draft && typeof draft === 'object' ? draft : null;
  } catch {
    return null;
  }
}

function keepDraft(draft) {
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // without storage the form starts empty after signing in again
  }
}

async function newCitizenPollPage() {
  if (needsSignIn('/citizen-polls/new')) {
    return null;
  }
  const fieldError = (id) => h('p', { id: `${id}-error`, class: 'field-error', hidden: true });

  // ---- title and description
  const titleInput = h('input', {
    type: 'text', id: 'cp-title', name: 'title', maxlength: '200', required: true, autocomplete: 'off',
    'aria-describedby': 'cp-title-error',
  });
  const titleError = fieldError('cp-title');
  const descriptionInput = h('textarea', {
    id: 'cp-description', name: 'description', rows: '3', maxlength: '4000', 'aria-describedby': 'cp-description-hint cp-description-error',
  });
  const descriptionError = fieldError('cp-description');

  // ---- who votes: public, with a password, or invited phones
  const visibilityInputs = CITIZEN_VISIBILITIES.map((v) => h('input', {
    type: 'radio', id: `cp-visibility-${v}`, name: 'visibility', value: v, 'aria-describedby': `cp-visibility-${v}-hint`,
  }));
  visibilityInputs[0].checked = true;
  const visibilityHint = (v) => {
    switch (v) {
      case 'PASSWORD': return t('create.visibilityHint.PASSWORD');
      case 'INVITE_ONLY': return t('create.visibilityHint.INVITE_ONLY');
      default: return t('create.visibilityHint.PUBLIC');
    }
  };
  const visibilitySet = h('fieldset', { id: 'cp-visibility', class: 'group' },
    h('legend', {}, t('create.visibility')),
    h('div', { class: 'choices-list' }, CITIZEN_VISIBILITIES.map((v, i) => h('div', { class: 'choice' },
      visibilityInputs[i],
      h('div', { class: 'choice-text' },
        h('label', { for: `cp-visibility-${v}` }, citizenVisibilityWords(v)),
        h('p', { id: `cp-visibility-${v}-hint`, class: 'hint choice-hint' }, visibilityHint(v)))))));
  const password = passwordField('cp-password', {
    label: t('create.password'), hint: t('create.passwordHint'), autocomplete: 'new-password',
  });
  password.input.setAttribute('minlength', '6');
  const inviteesInput = h('textarea', {
    id: 'cp-invitees', name: 'invitees', rows: '4', autocomplete: 'off', 'aria-describedby': 'cp-invitees-hint cp-invitees-error',
  });
  const inviteesError = fieldError('cp-invitees');
  const inviteesBox = h('div', { id: 'cp-invitees-field' },
    h('label', { for: 'cp-invitees' }, t('create.invitees')),
    h('p', { id: 'cp-invitees-hint', class: 'hint' }, t('create.inviteesHint', MAX_INVITEES)),
    inviteesInput, inviteesError);
  inviteesInput.addEventListener('input', () => showFieldError(inviteesError, inviteesInput, null));

  function visibility() {
    return (visibilityInputs.find((i) => i.checked) || visibilityInputs[0]).value;
  }
  function showVisibility() {
    password.box.hidden = visibility() !== 'PASSWORD';
    inviteesBox.hidden = visibility() !== 'INVITE_ONLY';
  }
  visibilitySet.addEventListener('change', showVisibility);

  // ---- when it closes, who sees results
  const durationSelect = h('select', { id: 'cp-duration', name: 'duration', 'aria-describedby': 'cp-duration-hint cp-closes-at' },
    DURATIONS.map((m) => h('option', { value: String(m) }, durationWords(m))));
  durationSelect.value = String(DEFAULT_DURATION);
  const closesPreview = h('p', { id: 'cp-closes-at', class: 'hint' });
  const showCloses = () => {
    closesPreview.textContent = t('create.closesAt', dateTime(new Date(Date.now() + Number(durationSelect.value) * 60000).toISOString()));
  };
  durationSelect.addEventListener('change', showCloses);
  showCloses();
  const resultsSelect = h('select', { id: 'cp-results', name: 'resultsVisibility', 'aria-describedby': 'cp-results-hint' },
    RESULTS_CHOICES.map((r) => h('option', { value: r }, resultsChoiceWords(r))));
  resultsSelect.value = 'AFTER_VOTING';

  // ---- questions, one to five
  const questionList = h('div', { id: 'cp-questions' });
  const addButton = h('button', { type: 'button', id: 'cp-add-question', class: 'secondary', 'aria-describedby': 'cp-questions-hint' },
    t('create.addQuestion'));
  const editors = [];

  function renumber() {
    editors.forEach((e, i) => e.setNumber(i + 1, editors.length > 1));
    addButton.hidden = editors.length >= MAX_QUESTIONS;
  }
  function addQuestion() {
    const editor = questionEditor(removeQuestion);
    editors.push(editor);
    questionList.append(editor.fieldset);
    renumber();
    return editor;
  }
  function removeQuestion(editor) {
    const at = editors.indexOf(editor);
    if (at < 0 || editors.length <= 1) {
      return;
    }
    const removed = editor.number;
    editors.splice(at, 1);
    editor.fieldset.remove();
    renumber();
    say(t('create.questionRemoved', removed));
    (editors[at] ? editors[at].text : addButton).focus(); // the question that moved up, or "add a question"
  }
  addButton.addEventListener('click', () => {
    if (editors.length >= MAX_QUESTIONS) {
      return;
    }
    const editor = addQuestion();
    say(t('create.questionAdded', editor.number));
    editor.text.focus();
  });

  // ---- refusals: personal information gets its own box, it says what to remove
  const personalText = h('p', { id: 'cp-personal-info-text' });
  const personalHeading = h('h2', { id: 'cp-personal-info-heading', tabindex: '-1' }, t('create.personalHeading'));
  const personalBox = h('section', {
    id: 'cp-personal-info', class: 'problem-box', hidden: true, 'aria-labelledby': 'cp-personal-info-heading',
  }, personalHeading, personalText, h('p', { class: 'hint' }, t('create.personalHint')));

  const submitButton = h('button', { type: 'submit', id: 'cp-submit', class: 'primary' }, t('create.submit'));
  const form = h('form', { id: 'cp-form', novalidate: true },
    h('label', { for: 'cp-title' }, t('create.title')),
    titleInput, titleError,
    h('label', { for: 'cp-description' }, t('create.description')),
    h('p', { id: 'cp-description-hint', class: 'hint' }, t('create.descriptionHint')),
    descriptionInput, descriptionError,
    visibilitySet,
    password.box,
    inviteesBox,
    h('label', { for: 'cp-duration' }, t('create.duration')),
    h('p', { id: 'cp-duration-hint', class: 'hint' }, t('create.durationHint')),
    durationSelect, closesPreview,
    h('label', { for: 'cp-results' }, t('create.results')),
    h('p', { id: 'cp-results-hint', class: 'hint' }, t('create.resultsHint')),
    resultsSelect,
    h('h2', { id: 'cp-questions-heading' }, t('create.questions')),
    h('p', { id: 'cp-questions-hint', class: 'hint' }, t('create.questionsHint', MAX_QUESTIONS)),
    questionList, addButton,
    personalBox,
    submitButton);

  function showFieldError(error, input, message) {
    error.textContent = message || '';
    error.hidden = !message;
    if (message) {
      input.setAttribute('aria-invalid', 'true');
    } else {
      input.removeAttribute('aria-invalid');
    }
  }
  titleInput.addEventListener('input', () => showFieldError(titleError, titleInput, null));

  /** Checks the form on the page; shows each problem next to its field and returns [element, message] in form order. */
  function check() {
    const problems = [];
    const title = titleInput.value.trim();
    const titleProblem = title === '' ? t('create.titleRequired') : null;
    showFieldError(titleError, titleInput, titleProblem);
    if (titleProblem) {
      problems.push([titleInput, titleProblem]);
    }
    const chosenPassword = password.input.value.trim();
    const passwordProblem = visibility() === 'PASSWORD' && (chosenPassword.length < 6 || chosenPassword.length > 64)
      ? t('create.passwordLength', 4, 64) : null;
    password.showError(passwordProblem);
    if (passwordProblem) {
      problems.push([password.input, passwordProblem]);
    }
    const phones = phoneList(inviteesInput.value);
    const inviteesProblem = visibility() !== 'INVITE_ONLY' ? null
      : phones.length === 0 ? t('create.inviteesRequired')
        : phones.length > MAX_INVITEES ? t('create.inviteesTooMany', MAX_INVITEES) : null;
    showFieldError(inviteesError, inviteesInput, inviteesProblem);
    if (inviteesProblem) {
      problems.push([inviteesInput, inviteesProblem]);
    }
    editors.forEach((e) => problems.push(...e.check()));
    return problems;
  }

  /** A refusal the server tied to a field (validation-failed lists them; some poll-* codes name one). */
  function showRefusal(error) {
    if (!(error instanceof ApiError)) {
      return;
    }
    const marked = [];
    const mark = (field, message) => {
      if (field === 'title') {
        showFieldError(titleError, titleInput, message);
        marked.push(titleInput);
      } else if (field === 'description') {
        showFieldError(descriptionError, descriptionInput, message);
        marked.push(descriptionInput);
      } else if (field === 'password') {
        password.showError(message);
        marked.push(password.input);
      } else if (/^invitees/.test(field)) {
        showFieldError(inviteesError, inviteesInput, message);
        marked.push(inviteesInput);
      } else {
        const q = /^questions\[(\d+)\]\.(text|options)/.exec(field);
        const editor = q ? editors[Number(q[1])] : null;
        if (editor && q[2] === 'text') {
          editor.showTextError(message);
          marked.push(editor.text);
        } else if (editor) {
          editor.showOptionsError(message);
          marked.push(editor.options);
        }
      }
    };
    const byCode = {
      'poll-password-length': 'password', 'poll-invitees-required': 'invitees', 'phone-invalid': 'invitees',
      'poll-title-required': 'title',
    };
    if (Object.prototype.hasOwnProperty.call(byCode, error.code)) {
      mark(byCode[error.code], error.message);
    } else if (error.problem && Array.isArray(error.problem.errors)) {
      error.problem.errors.filter((e) => e && typeof e.field === 'string' && e.message).forEach((e) => mark(e.field, e.message));
    }
    if (marked.length > 0) {
      marked[0].focus();
    }
  }

  function formState() {
    return {
      title: titleInput.value,
      description: descriptionInput.value,
      visibility: visibility(),
      invitees: inviteesInput.value,
      duration: durationSelect.value,
      results: resultsSelect.value,
      questions: editors.map((e) => e.state()),
    };
  }

  function restoreState(state) {
    titleInput.value = String(state.title || '');
    descriptionInput.value = String(state.description || '');
    visibilityInputs.forEach((i) => {
      i.checked = i.value === state.visibility;
    });
    if (!visibilityInputs.some((i) => i.checked)) {
      visibilityInputs[0].checked = true;
    }
    inviteesInput.value = String(state.invitees || '');
    if (DURATIONS.map(String).includes(String(state.duration))) {
      durationSelect.value = String(state.duration);
    }
    if (RESULTS_CHOICES.includes(state.results)) {
      resultsSelect.value = state.results;
    }
    const questions = Array.isArray(state.questions) ? state.questions.slice(0, MAX_QUESTIONS) : [];
    questions.forEach((q) => addQuestion().restore(q && typeof q === 'object' ? q : {}));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (blocked(submitButton)) {
      return;
    }
    personalBox.hidden = true;
    const problems = check();
    if (problems.length > 0) {
      say(problems.map(([, text]) => text).join(' '), 'error');
      problems[0][0].focus();
      return;
    }
    const chosen = visibility();
    const body = {
      title: titleInput.value.trim(),
      description: descriptionInput.value.trim() || undefined,
      // the closing moment counts from pressing the button, so "30 minutes" is 30 minutes from now
      closesAt: new Date(Date.now() + Number(durationSelect.value) * 60000).toISOString(),
      visibility: chosen,
      password: chosen === 'PASSWORD' ? password.input.value.trim() : undefined,
      resultsVisibility: resultsSelect.value,
      questions: editors.map((e) => e.draft()),
      invitees: chosen === 'INVITE_ONLY' ? phoneList(inviteesInput.value) : undefined,
    };
    block(submitButton, true);
    say(t('create.sending'));
    try {
      const { data } = await request('citizen-polls', { method: 'POST', body, auth: true });
      createdPolls.set(data.id, data);
      go(`/citizen-polls/${data.id}/created`, { text: t('created.heading') }); // the view says whether it is open
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        keepDraft(formState()); // what was written comes back after signing in (but the password is typed again)
        signInAgain(error, '/citizen-polls/new');
        return;
      }
      sayError(error);
      if (error instanceof ApiError && error.code === 'poll-personal-information') {
        personalText.textContent = error.message; // the server names the field and what to remove, masked
        personalBox.hidden = false;
        personalHeading.focus();
      } else {
        showRefusal(error); // e.g. 429 rate-limited-citizen-polls: the message says when, nothing to mark
      }
    } finally {
      block(submitButton, false);
    }
  });

  const kept = readDraft();
  if (kept) {
    restoreState(kept);
  }
  if (editors.length === 0) {
    addQuestion();
  }
  showVisibility();
  showCloses();
  return h('section', {},
    h('h1', {}, t('create.heading')),
    h('p', { class: 'intro' }, t('create.intro')),
    kept ? h('p', { id: 'cp-draft-restored', class: 'notice' }, t('create.draftRestored')) : null,
    form,
    h('p', { class: 'actions' }, link('/citizen-polls', t('citizenPolls.back')), link('/', t('common.backToPolls'))));
}

// ---------------------------------------------------------------- 13. the poll just made

async function createdPage(id) {
  if (needsSignIn('/me/polls')) {
    return null;
  }
  let poll = createdPolls.get(id);
  if (!poll) {
    // a reload, or a link kept: my polls hold it
    try {
      poll = ((await request('citizen-polls/mine', { auth: true })).data || []).find((p) => p.id === id);
    } catch (error) {
      if (signInAgain(error, '/me/polls', { replace: true })) {
        return null;
      }
      throw error;
    }
  }
  if (!poll) {
    return errorView(t('error.notFound'), link('/me/polls', t('myPolls.heading')));
  }
  const open = poll.status === 'OPEN';
  const pending = poll.status === 'PENDING_APPROVAL';
  const status = h('div', { id: 'cp-status', class: open ? 'status-box ok' : 'status-box', 'data-status': poll.status },
    h('p', { class: 'status-words' }, open ? t('created.open') : pending ? t('created.pending') : t(`status.${poll.status}`)),
    pending ? h('p', { id: 'cp-held-for' }, t('created.heldFor', findingsWords(poll.heldFor))) : null);
  const shareHint = poll.visibility === 'PASSWORD' ? t('created.shareHint.PASSWORD')
    : poll.visibility === 'INVITE_ONLY' ? t('created.shareHint.INVITE_ONLY') : t('created.shareHint.PUBLIC');
  let share = null;
  if (poll.shortCode) {
    const url = shareUrl(poll.shortCode);
    const qr = qrSvg(url, t('created.qrLabel'));
    share = h('section', { id: 'cp-share', 'aria-labelledby': 'cp-share-heading' },
      h('h2', { id: 'cp-share-heading' }, t('created.shareHeading')),
      h('p', { class: 'hint' }, shareHint),
      pending ? h('p', { class: 'hint' }, t('created.shareWhenOpen')) : null,
      shareBox(poll.shortCode, 'cp-share-link', 'cp-copy-link'),
      qr ? h('figure', { id: 'cp-qr', class: 'qr' }, qr, h('figcaption', { class: 'hint' }, t('created.qrHint'))) : null);
  }
  return h('section', {},
    h('h1', {}, t('created.heading')),
    status,
    h('dl', { class: 'facts' },
      h('dt', {}, t('myPolls.title')), h('dd', { id: 'cp-created-title' }, poll.title),
      h('dt', {}, t('poll.who')), h('dd', {}, citizenVisibilityWords(poll.visibility)),
      h('dt', {}, t('myPolls.closes')), h('dd', {}, dateTime(poll.closesAt))),
    share,
    h('p', { class: 'actions' },
      open ? link(`/polls/${enc(poll.id)}`, t('created.openPoll'), { id: 'cp-open-poll' }) : null,
      link('/me/polls', t('myPolls.heading'), { id: 'cp-my-polls' }),
      link('/citizen-polls', t('citizenPolls.back'))));
}

// ---------------------------------------------------------------- 14. my polls

async function myPollsPage() {
  if (needsSignIn('/me/polls')) {
    return null;
  }
  let items;
  try {
    items = (await request('citizen-polls/mine', { auth: true })).data || [];
  } catch (error) {
    if (signInAgain(error, '/me/polls', { replace: true })) {
      return null;
    }
    throw error;
  }
  const content = items.length === 0
    ? h('p', { id: 'my-polls-empty', class: 'notice' }, t('myPolls.empty'))
    : h('ul', { id: 'my-poll-list', class: 'history' }, items.map(myPollItem));
  return h('section', {},
    h('h1', {}, t('myPolls.heading')),
    h('p', { class: 'intro' }, t('myPolls.intro')),
    h('ul', { class: 'link-list' }, h('li', {}, link('/citizen-polls/new', t('home.createPoll'), { id: 'my-polls-create-link' }))),
    content,
    h('p', { class: 'actions' }, link('/me', t('me.back')), link('/', t('common.backToPolls'))));
}

/** One of my polls: what state it is in and why, its share link, and (open) a close button with a confirmation. */
function myPollItem(poll) {
  const item = h('li', { id: `my-poll-${poll.id}`, class: 'history-item' });
  fillMyPoll(item, poll);
  return item;
}

function fillMyPoll(item, poll) {
  const id = poll.id;
  item.dataset.status = poll.status;
  item.dataset.hidden = String(Boolean(poll.hidden));
  const removed = poll.status === 'REMOVED';
  const pending = poll.status === 'PENDING_APPROVAL';
  const published = poll.status === 'OPEN' || poll.status === 'CLOSED';
  const title = published && !poll.hidden
    ? h('p', { class: 'history-title' }, link(`/polls/${enc(id)}`, poll.title, { id: `my-poll-title-${id}` }))
    : h('p', { id: `my-poll-title-${id}`, class: 'history-title' }, poll.title);
  const statusWords = removed ? t('myPolls.removed', poll.removalReason || '')
    : pending ? t('created.pending') : t(`status.${poll.status}`);
  const notes = [];
  if (pending) {
    notes.push(h('p', { id: `my-poll-held-${id}`, class: 'hint' }, t('myPolls.heldFor', findingsWords(poll.heldFor))));
  }
  if (poll.hidden && !removed) {
    notes.push(h('p', { id: `my-poll-hidden-${id}`, class: 'notice' }, t('myPolls.hidden')));
  }

  let closeArea = null;
  if (poll.status === 'OPEN') {
    const closeButton = h('button', { type: 'button', id: `close-poll-${id}`, class: 'secondary danger' }, t('myPolls.close'));
    const confirmButton = h('button', { type: 'button', id: `confirm-close-${id}`, class: 'primary danger' }, t('myPolls.confirmClose'));
    const cancelButton = h('button', { type: 'button', id: `cancel-close-${id}`, class: 'secondary' }, t('myPolls.cancelClose'));
    const confirmHeading = h('h3', { id: `close-heading-${id}`, tabindex: '-1' }, t('myPolls.closeHeading'));
    const confirmBox = h('section', {
      id: `close-confirm-${id}`, class: 'confirm-box', hidden: true, 'aria-labelledby': `close-heading-${id}`,
    }, confirmHeading, h('p', {}, t('myPolls.closeText')), h('div', { class: 'actions' }, confirmButton, cancelButton));
    const buttons = h('div', { class: 'actions' }, closeButton);
    confirmStep(closeButton, cancelButton, buttons, confirmBox, confirmHeading);
    confirmButton.addEventListener('click', async () => {
      if (blocked(confirmButton)) {
        return;
      }
      block(confirmButton, true);
      try {
        const { data } = await request(`citizen-polls/${enc(id)}/close`, { method: 'POST', auth: true });
        fillMyPoll(item, data);
        say(t('myPolls.closed'));
        const status = document.getElementById(`my-poll-status-${id}`);
        if (status) {
          status.setAttribute('tabindex', '-1');
          status.focus(); // where the close button was: the new status, "closed"
        }
      } catch (error) {
        if (!signInAgain(error, '/me/polls')) {
          sayError(error); // e.g. closed in the meantime (409) or not mine any more (404)
        }
      } finally {
        block(confirmButton, false);
      }
    });
    closeArea = [buttons, confirmBox];
  }

  item.replaceChildren(...[
    title,
    h('dl', { class: 'facts' },
      h('dt', {}, t('myPolls.status')), h('dd', { id: `my-poll-status-${id}`, 'data-status': poll.status }, statusWords),
      h('dt', {}, t('poll.who')), h('dd', {}, citizenVisibilityWords(poll.visibility)),
      h('dt', {}, t('myPolls.closes')), h('dd', {}, dateTime(poll.closesAt))),
    ...notes,
    !removed && poll.shortCode ? shareBox(poll.shortCode, `share-link-${id}`, `copy-link-${id}`) : null,
    poll.visibility === 'INVITE_ONLY'
      ? h('ul', { class: 'link-list' }, h('li', {},
        link(`/me/polls/${enc(id)}/invitees`, t('myPolls.manageInvitees'), { id: `manage-invitees-${id}` })))
      : null,
    ...(closeArea || []),
  ].filter(Boolean)); // replaceChildren, unlike h, would write null and arrays out as text
}

// ---------------------------------------------------------------- 15. the people I invite (an invite-only poll of mine)

const INVITEES_PAGE = 200; // the server's largest page; a citizen's list is a few hundred numbers at most
const INVITEES_MAX_PAGES = 25;
const REFRESH_EVERY_MS = 2000;
const REFRESH_FOR_MS = 30000;

/** A number as the server reads it (PhoneNumber.parse), in E.164; null for anything it would refuse. */
function phoneE164(typed) {
  if (typeof typed !== 'string' || typed.length > 32) {
    return null;
  }
  let compact = typed.trim().replace(/[\s().-]/g, '');
  if (compact.startsWith('00')) {
    compact = `+${compact.slice(2)}`;
  }
  if (/^0[0-9]{9,10}$/.test(compact)) {
    compact = `+82${compact.slice(1)}`;
  } else if (/^82[0-9]{9,11}$/.test(compact)) {
    compact = `+${compact}`;
  }
  if (compact.startsWith('+820')) {
    compact = `+82${compact.slice(4)}`;
  }
  if (!/^\+[1-9][0-9]{7,14}$/.test(compact)) {
    return null;
  }
  if (compact.startsWith('+82') && !/^(\+8210[0-9]{8}|\+821[16-9][0-9]{7,8})$/.test(compact)) {
    return null; // a Korean number must be a mobile one: invitations go out by SMS
  }
  return compact;
}

/**
 * Typed or pasted numbers: entries split by lines, commas or semicolons, and within an entry by spaces, where
 * spaced groups that make one number together ("010 1234 5678", "+82 10 1234 5678") count as one.
 * Returns {phones: distinct E.164 numbers, invalid: the entries that are no number, as typed}.
 */
function readPhones(text) {
  const phones = [];
  const invalid = [];
  const keep = (phone) => {
    if (!phones.includes(phone)) {
      phones.push(phone);
    }
  };
  for (const chunk of text.split(/[\n\r,;]+/).map((c) => c.trim()).filter((c) => c !== '')) {
    const whole = phoneE164(chunk);
    if (whole) {
      keep(whole);
      continue;
    }
    let groups = [];
    const giveUp = () => {
      if (groups.length > 0) {
        invalid.push(groups.join(' '));
        groups = [];
      }
    };
    for (const token of chunk.split(/\s+/)) {
      if (!/^\+?[0-9().-]+$/.test(token)) {
        giveUp();
        invalid.push(token);
        continue;
      }
      const alone = groups.length > 0 ? phoneE164(token) : null;
      if (alone) {
        giveUp(); // what came before was not a number; this one is
        keep(alone);
        continue;
      }
      groups.push(token);
      const joined = phoneE164(groups.join(''));
      if (joined) {
        keep(joined);
        groups = [];
      } else if (groups.join('').replace(/[^0-9]/g, '').length > 15) {
        giveUp();
      }
    }
    giveUp();
  }
  return { phones, invalid };
}

function invitationStateWords(state) {
  switch (state) {
    case 'QUEUED': return t('invitees.state.QUEUED');
    case 'SENT': return t('invitees.state.SENT');
    case 'FAILED': return t('invitees.state.FAILED');
    default: return t('invitees.state.NOT_INVITED');
  }
}

function invitationFailureWords(failure) {
  switch (failure) {
    case 'per-number-limit': return t('invitees.failure.per-number-limit');
    case 'opted-out': return t('invitees.failure.opted-out');
    default: return t('invitees.failure.delivery-failed');
  }
}

/** The whole list of a poll's invitees (masked), page by page: {items, total}. */
async function allInvitees(pollId) {
  const items = [];
  let total = 0;
  for (let page = 0; page < INVITEES_MAX_PAGES; page++) {
    const { data } = await request(`citizen-polls/${enc(pollId)}/invitees?page=${page}&size=${INVITEES_PAGE}`, { auth: true });
    const got = Array.isArray(data.items) ? data.items : [];
    items.push(...got);
    total = Number(data.total) || 0;
    if (got.length < INVITEES_PAGE || items.length >= total) {
      break;
    }
  }
  return { items, total: Math.max(total, items.length) };
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function inviteesPage(id) {
  const path = `/me/polls/${id}/invitees`;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
    return errorView(t('error.notFound'), link('/me/polls', t('myPolls.heading')));
  }
  if (needsSignIn(path)) {
    return null;
  }
  let poll;
  let first;
  try {
    poll = ((await request('citizen-polls/mine', { auth: true })).data || []).find((p) => p.id === id);
    if (poll && poll.visibility === 'INVITE_ONLY') {
      first = await allInvitees(id);
    }
  } catch (error) {
    if (signInAgain(error, path, { replace: true })) {
      return null;
    }
    if (error instanceof ApiError && error.status === 404) {
      poll = null;
    } else {
      throw error;
    }
  }
  if (!poll) {
    return errorView(t('error.notFound'), link('/me/polls', t('myPolls.heading')));
  }
  if (poll.visibility !== 'INVITE_ONLY' || !first) {
    return errorView(t('invitees.notInviteOnly'), link('/me/polls', t('myPolls.heading')));
  }

  // ---- how the invitations stand: counted from the list (there is no GET of the progress for citizens)
  const countCells = {
    listed: h('dd', { id: 'inv-listed' }),
    NOT_INVITED: h('dd', { id: 'inv-not-invited' }),
    QUEUED: h('dd', { id: 'inv-queued' }),
    SENT: h('dd', { id: 'inv-sent' }),
    FAILED: h('dd', { id: 'inv-failed' }),
  };
  const progress = h('section', { id: 'inv-progress', 'aria-labelledby': 'inv-progress-heading' },
    h('h2', { id: 'inv-progress-heading' }, t('invitees.progressHeading')),
    h('dl', { class: 'facts counts' },
      h('dt', {}, t('invitees.listed')), countCells.listed,
      h('dt', {}, t('invitees.state.NOT_INVITED')), countCells.NOT_INVITED,
      h('dt', {}, t('invitees.state.QUEUED')), countCells.QUEUED,
      h('dt', {}, t('invitees.state.SENT')), countCells.SENT,
      h('dt', {}, t('invitees.state.FAILED')), countCells.FAILED));

  // ---- the list, masked as the server sends it
  const list = h('ul', { id: 'invitee-list', class: 'invitees', 'aria-labelledby': 'invitee-list-heading' });
  const empty = h('p', { id: 'invitee-list-empty', class: 'empty', hidden: true }, t('invitees.empty'));
  let counts = { listed: 0, NOT_INVITED: 0, QUEUED: 0, SENT: 0, FAILED: 0 };

  function show({ items, total }) {
    counts = { listed: total, NOT_INVITED: 0, QUEUED: 0, SENT: 0, FAILED: 0 };
    list.replaceChildren(...items.map((item, i) => {
      const state = ['QUEUED', 'SENT', 'FAILED'].includes(item.invitation) ? item.invitation : 'NOT_INVITED';
      counts[state] += 1;
      return h('li', { id: `invitee-${i + 1}`, class: `invitee ${state.toLowerCase()}`, 'data-state': state },
        h('span', { class: 'invitee-phone' }, String(item.phone || '-')),
        h('span', { class: 'invitee-state' }, invitationStateWords(state)),
        state === 'FAILED' ? h('span', { class: 'invitee-failure' }, invitationFailureWords(item.failure)) : null);
    }));
    empty.hidden = items.length > 0;
    Object.entries(countCells).forEach(([key, cell]) => {
      cell.textContent = String(counts[key]);
    });
  }
  show(first);

  async function refresh() {
    show(await allInvitees(id));
  }

  // ---- adding people
  const closed = poll.status === 'CLOSED' || poll.status === 'REMOVED';
  const numbersInput = h('textarea', {
    id: 'invitee-numbers', name: 'invitees', rows: '4', autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'invitee-numbers-hint invitee-numbers-error',
  });
  const numbersError = h('p', { id: 'invitee-numbers-error', class: 'field-error', hidden: true });
  const addButton = h('button', { type: 'submit', id: 'invitee-add', class: 'primary' }, t('invitees.add'));
  const showNumbersError = (message) => {
    numbersError.textContent = message || '';
    numbersError.hidden = !message;
    if (message) {
      numbersInput.setAttribute('aria-invalid', 'true');
    } else {
      numbersInput.removeAttribute('aria-invalid');
    }
  };
  numbersInput.addEventListener('input', () => showNumbersError(null));
  const addForm = h('form', { id: 'invitee-add-form', novalidate: true },
    h('label', { for: 'invitee-numbers' }, t('invitees.numbers')),
    h('p', { id: 'invitee-numbers-hint', class: 'hint' }, t('invitees.numbersHint', MAX_INVITEES)),
    numbersInput, numbersError,
    h('div', { class: 'actions' }, addButton));
  addForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (blocked(addButton)) {
      return;
    }
    const { phones, invalid } = readPhones(numbersInput.value);
    const invalidText = invalid.length > 0
      ? t('invitees.invalid', invalid.length, invalid.slice(0, 5).join(', ') + (invalid.length > 5 ? ', …' : '')) : null;
    const problem = phones.length === 0 ? (invalidText || t('invitees.numbersRequired'))
      : phones.length > MAX_INVITEES ? t('create.inviteesTooMany', MAX_INVITEES) : null;
    if (problem) {
      showNumbersError(problem);
      say(problem, 'error');
      numbersInput.focus();
      return;
    }
    showNumbersError(null);
    const before = counts.listed;
    block(addButton, true);
    try {
      const { data } = await request(`citizen-polls/${enc(id)}/invitees`, {
        method: 'POST', body: { phones }, auth: true,
      });
      const listed = Number(data && data.listed) || 0;
      const added = Math.max(0, listed - before);
      // what was added leaves the box; what could not be read stays there to be corrected
      numbersInput.value = invalid.join('\n');
      try {
        await refresh();
      } catch (error) {
        console.error(error); // the numbers were added; the list shows them on the next visit
      }
      const words = [t('invitees.added', added, listed)];
      if (phones.length > added) {
        words.push(t('invitees.alreadyListed', phones.length - added));
      }
      if (invalidText) {
        words.push(invalidText);
        showNumbersError(invalidText);
        say(words.join(' '), 'error');
        numbersInput.focus();
      } else {
        say(words.join(' '));
      }
    } catch (error) {
      if (signInAgain(error, path)) {
        return;
      }
      sayError(error);
      if (error instanceof ApiError && (error.code === 'phone-invalid' || error.status === 400 || error.status === 422)) {
        showNumbersError(error.message); // e.g. a number the page let through and the server refused: nothing was added
        numbersInput.focus();
      }
    } finally {
      block(addButton, false);
    }
  });
  const addSection = closed ? null : h('section', { id: 'invitee-add-section', 'aria-labelledby': 'invitee-add-heading' },
    h('h2', { id: 'invitee-add-heading' }, t('invitees.addHeading')),
    addForm);

  // ---- sending the invitations
  const canSend = poll.status === 'OPEN' && !poll.hidden;
  const sendButton = h('button', {
    type: 'button', id: 'send-invitations', class: 'primary', 'aria-describedby': 'send-invitations-hint',
  }, t('invitees.send'));
  sendButton.addEventListener('click', async () => {
    if (blocked(sendButton)) {
      return;
    }
    block(sendButton, true);
    try {
      const { data } = await request(`citizen-polls/${enc(id)}/invitations`, { method: 'POST', auth: true });
      const queued = Number(data && data.queued) || 0;
      if (queued === 0) {
        await refresh().catch((error) => console.error(error));
        say(t('invitees.nothingToSend'));
        return;
      }
      say(t('invitees.sending', queued));
      // the SMS go out through the outbox in the background: look again every 2 s while some wait, for 30 s at most
      const until = Date.now() + REFRESH_FOR_MS;
      let waiting = queued;
      do {
        await sleep(REFRESH_EVERY_MS);
        if (!list.isConnected) {
          return; // the person left this page
        }
        try {
          await refresh();
          waiting = counts.QUEUED;
        } catch (error) {
          console.error(error); // try again at the next turn
        }
      } while (waiting > 0 && Date.now() < until);
      if (!list.isConnected) {
        return;
      }
      say(waiting > 0 ? t('invitees.stillSending') : t('invitees.sentResult', counts.SENT, counts.FAILED));
    } catch (error) {
      if (!signInAgain(error, path)) {
        sayError(error); // 429: the daily limit, the whole batch refused, in the server's words; 422: not open
      }
    } finally {
      block(sendButton, false);
    }
  });
  const sendSection = h('section', { id: 'send-section', 'aria-labelledby': 'send-heading' },
    h('h2', { id: 'send-heading' }, t('invitees.sendHeading')),
    h('p', { id: 'send-invitations-hint', class: 'hint' }, t('invitees.sendHint')),
    canSend ? h('div', { class: 'actions' }, sendButton)
      : h('p', { id: 'send-when-open', class: 'notice' }, t('invitees.sendWhenOpen')));

  return h('section', {},
    h('h1', { id: 'invitees-heading' }, h('span', { class: 'eyebrow' }, t('invitees.eyebrow')), ' ', poll.title),
    h('p', { class: 'intro' }, t('invitees.intro')),
    progress,
    addSection,
    sendSection,
    h('section', { id: 'invitee-list-section', 'aria-labelledby': 'invitee-list-heading' },
      h('h2', { id: 'invitee-list-heading' }, t('invitees.listHeading')),
      h('p', { class: 'hint' }, t('invitees.listHint')),
      empty, list),
    h('p', { class: 'actions' },
      link('/me/polls', t('myPolls.heading'), { id: 'invitees-my-polls' }),
      link('/', t('common.backToPolls'))));
}

// ---------------------------------------------------------------- start

async function switchLanguage(language) {
  if (language === lang()) {
    return;
  }
  const before = lang();
  setLang(language);
  try {
    await loadTexts(language);
  } catch (error) {
    setLang(before);
    say(t('error.network'), 'error');
    return;
  }
  applyTexts(document);
  await render({ keepFocus: true });
}

async function start() {
  try {
    await loadTexts(lang());
  } catch (error) {
    console.error(error);
    main.hidden = true;
    document.getElementById('boot-error').hidden = false;
    return;
  }
  applyTexts(document);
  document.getElementById('lang-ko').addEventListener('click', () => switchLanguage('ko'));
  document.getElementById('lang-en').addEventListener('click', () => switchLanguage('en'));
  document.getElementById('logout').addEventListener('click', () => {
    clearToken();
    try {
      localStorage.removeItem(RECEIPTS_KEY); // a shared phone should not show whose receipts these were
    } catch {
      // nothing kept
    }
    go('/', { text: t('auth.loggedOut') });
  });
  window.addEventListener('hashchange', () => render());
  window.addEventListener('mvoting:auth', updateHeader);
  window.addEventListener('storage', (event) => {
    if (event.key === 'mvoting.token') {
      updateHeader(); // signed in or out in another tab
    }
  });
  await render();
}

start();
