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

import { applyTexts, formatLocale, lang, loadTexts, setLang, t } from './texts.js';
import { ApiError, clearToken, getMaskedPhone, getToken, request, saveToken, takeExpiredNotice } from './api.js';

const main = document.getElementById('view');
const messageBox = document.getElementById('message');
const DAY_MS = 24 * 60 * 60 * 1000;
const PAGE_SIZE = 20;
const RECEIPTS_KEY = 'mvoting.receipts';

let renderCount = 0;
let firstRender = true;
let pendingMessage = null;

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
];

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

/** A route to come back to after signing in: only our own poll and "my details" routes. */
function safeNext(value) {
  return value && /^\/(polls\/[A-Za-z0-9-]+(\/vote)?|me(\/history|\/profile)?)$/.test(value) ? value : null;
}

/** For views that need a sign-in: goes to the sign-in (and back to path after it) and says true when not signed in. */
function needsSignIn(path) {
  if (getToken()) {
    return false;
  }
  const text = takeExpiredNotice() ? t('auth.expired') : t('login.forMe');
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

async function render({ keepFocus = false } = {}) {
  const count = ++renderCount;
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
  return h('section', {},
    h('h1', {}, t('home.heading')),
    h('p', { class: 'intro' }, t('home.intro')),
    invitedSection, empty, soonSection, restSection, more);
}

function pollItem(poll, soon, idPrefix = 'poll-link') {
  return h('li', { class: soon ? 'poll soon' : 'poll' },
    h('a', { id: `${idPrefix}-${poll.id}`, href: `#/polls/${enc(poll.id)}` },
      h('span', { class: 'poll-title' }, poll.title),
      h('span', { class: 'poll-meta' }, poll.department),
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
        next ? link(next, next.startsWith('/me') ? t('me.back') : t('common.backToPoll')) : null,
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
  } else {
    actions.append(h('p', { class: 'notice' }, t('poll.notOpen')));
  }
  if (receipt) {
    actions.append(link(`/polls/${poll.id}/receipt/${enc(receipt)}`, t('poll.myReceipt'), { id: 'my-receipt-link' }));
  }
  actions.append(link(`/polls/${poll.id}/results`, t('poll.results'), { id: 'results-link' }));

  return h('article', {},
    h('h1', {}, poll.title),
    h('dl', { class: 'facts' },
      h('dt', {}, t('poll.department')), h('dd', {}, poll.department),
      h('dt', {}, t('poll.period')), h('dd', {}, t('poll.periodValue', dateTime(poll.opensAt), dateTime(poll.closesAt))),
      h('dt', {}, t('poll.status')), h('dd', { id: 'poll-status' }, t(`status.${poll.status}`)),
      h('dt', {}, t('poll.visibility')), h('dd', {}, t(`visibility.${poll.resultsVisibility}`))),
    poll.description ? h('p', { class: 'description' }, poll.description) : null,
    h('h2', {}, t('poll.questions')),
    h('ol', { class: 'questions' }, poll.questions.map((q, i) => h('li', { id: `question-${i + 1}` },
      h('h3', {}, q.text),
      h('p', { class: 'hint' }, `${t(`qtype.${q.type}`)} · ${selectionHint(q)}`),
      h('ul', { class: 'options', 'aria-label': t('poll.options') }, q.options.map((o) => h('li', {}, o.label)))))),
    actions,
    h('p', {}, link('/', t('common.backToPolls'))));
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
  const form = h('form', { id: 'ballot-form', novalidate: true },
    questions.map((q) => q.fieldset),
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
    if (firstBad) {
      say(problems.join(' '), 'error');
      firstBad.first.focus();
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
    const key = idempotencyKey(poll.id, ballot);
    try {
      const { data } = await request(`polls/${enc(poll.id)}/ballots`, {
        method: 'POST',
        body: ballot,
        auth: true,
        headers: { 'Idempotency-Key': key, 'X-MVoting-Channel': 'WEB' },
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

  withdrawButton.addEventListener('click', () => {
    clearMessage();
    summaryActions.hidden = true;
    confirmBox.hidden = false;
    confirmHeading.focus();
  });

  cancelWithdraw.addEventListener('click', () => {
    confirmBox.hidden = true;
    summaryActions.hidden = false;
    withdrawButton.focus();
  });

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
