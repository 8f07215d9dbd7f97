// The big screen of an on-site event (present.html#/{joinCode}), for a projector: the join code and its QR code,
// how many have joined, the question on the screens with its countdown and turnout, and, once the operator shows
// them, the results as bars. It follows the same live stream as the participants' phones and needs no sign-in:
// it shows only what everyone in the hall sees anyway. Server data is only ever set as text.

import { h, sayLine, setDocumentTitle } from './dom.js';
import { number } from './format.js';
import { followEvent, formatCountdown, remainingMs } from './live.js';
import { qrSvg } from './qr.js';
import { changeLanguage, lang, startTexts, t } from './texts.js';

const $ = (id) => document.getElementById(id);
const screen = $('present');
/** The countdown turns red for the last seconds, so the hall sees the vote is about to close. */
const ENDING_MS = 10000;
/** Questions longer than these (characters) start in a smaller type (present.css, data-length). */
const LONG_QUESTION = 80;
const LONGER_QUESTION = 200;
/** From this many options on, the chart has two columns. */
const TWO_COLUMNS_FROM = 7;
/** The question's box shrinks in these steps, down to this scale, until it fits the screen. */
const FIT_STEP = 0.05;
const MIN_FIT = 0.4;

let joinCode = null;
let stop = null;
let latest = null; // the last state: drawn again after a language switch, and what the countdown counts from
let offset = 0;

/** A count: the number in data-count, the same number written for people in the text. */
function showCount(node, value) {
  node.dataset.count = String(value);
  node.textContent = number(value);
}

function setText(node, text) {
  if (node.textContent !== text) {
    node.textContent = text; // unchanged text is left alone, so a screen reader is not told it again
  }
}

/** The join code in the address (#/123456), or null. */
function codeFromAddress() {
  const found = /^#\/([0-9]{6})$/.exec(location.hash);
  return found ? found[1] : null;
}

function drawJoin() {
  setText($('present-code'), joinCode);
  // the phones' join page sits next to this page (/m/), so the link is right under any context path too
  const url = new URL(`./#/events/${joinCode}`, location.href).href;
  const qr = qrSvg(url, t('present.qrLabel'));
  $('present-qr').replaceChildren(...(qr ? [qr] : []));
  setText($('present-url'), url);
}

function stateWords(state) {
  if (state === 'OPEN') {
    return t('present.open');
  }
  return state === 'CLOSED' ? t('present.closed') : t('present.prepared');
}

/** Draws a whole EventLiveState. */
function draw(state) {
  latest = state;
  setText($('present-title'), state.title || '');
  setDocumentTitle(state.title);
  showCount($('present-joined'), state.joined);
  showCount($('present-participants'), state.participants);
  const q = state.question;
  $('present-waiting').hidden = Boolean(q);
  $('present-current').hidden = !q;
  if (!q) {
    return;
  }
  setText($('present-round'), t('present.round', q.round));
  const question = $('present-question');
  question.dataset.poll = q.pollId;
  setText(question, q.text);
  const length = q.text ? q.text.length : 0;
  question.dataset.length = length > LONGER_QUESTION ? 'longer' : length > LONG_QUESTION ? 'long' : 'short';
  const stateLabel = $('present-state');
  stateLabel.dataset.state = q.state;
  setText(stateLabel, stateWords(q.state));
  const turnout = $('present-turnout');
  turnout.dataset.ballots = String(q.ballots);
  setText(turnout, t('present.turnout', number(q.ballots), number(state.joined)));
  $('present-final').hidden = !q.announced;
  $('present-hidden').hidden = q.resultsShown;
  drawChart(q);
  tick();
  fit();
}

/**
 * Shrinks the question's box (--fit) step by step until nothing in it runs past its bottom or its side: a long
 * question with ten options must not spill over the buttons or off the screen. Done before the browser paints,
 * so the hall never sees the bigger size; the last scale is kept in data-fit for the tests.
 */
function fit() {
  const box = $('present-current');
  if (box.hidden) {
    return;
  }
  const overflows = () => box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
  let scale = 1;
  box.style.setProperty('--fit', '1');
  while (overflows() && scale - FIT_STEP >= MIN_FIT) {
    scale -= FIT_STEP;
    box.style.setProperty('--fit', scale.toFixed(2));
  }
  box.dataset.fit = scale.toFixed(2);
}

/**
 * The results as horizontal bars, the longest for the most votes. The bars stay in place from one state to the
 * next (only when the question or its options change are they made anew), so they grow smoothly as votes come in.
 */
function drawChart(q) {
  const chart = $('present-chart');
  chart.hidden = !q.resultsShown;
  if (!q.resultsShown) {
    chart.replaceChildren();
    delete chart.dataset.shape;
    return;
  }
  const rows = q.results || [];
  const shape = `${q.pollId}|${rows.map((r) => r.optionId).join(',')}`;
  if (chart.dataset.shape !== shape) {
    chart.dataset.shape = shape;
    const columns = rows.length >= TWO_COLUMNS_FROM ? 2 : 1;
    chart.style.setProperty('--per-column', String(Math.max(Math.ceil(rows.length / columns), 1)));
    chart.replaceChildren(...rows.map(() => h('li', { class: 'bar' },
      h('div', { class: 'bar-text' },
        h('span', { class: 'bar-label' }), h('span', { class: 'bar-count' }), h('span', { class: 'bar-split' })),
      h('div', { class: 'bar-track', 'aria-hidden': 'true' }, h('span', { class: 'bar-fill' })))));
  }
  const max = Math.max(0, ...rows.map((r) => r.combined));
  rows.forEach((r, i) => {
    const bar = chart.children[i];
    bar.dataset.option = String(r.optionId);
    bar.dataset.votes = String(r.combined);
    bar.dataset.phone = String(r.phone);
    bar.dataset.paper = String(r.paper);
    setText(bar.querySelector('.bar-label'), r.label);
    setText(bar.querySelector('.bar-count'), t('present.votes', number(r.combined)));
    const split = bar.querySelector('.bar-split');
    split.hidden = !(r.paper > 0);
    setText(split, r.paper > 0 ? t('present.split', number(r.phone), number(r.paper)) : '');
    bar.querySelector('.bar-fill').style.width = `${max > 0 ? (r.combined / max) * 100 : 0}%`;
  });
}

/** The countdown by the server's clock, while the question is open and has a closing time. */
function tick() {
  const q = latest && latest.question;
  const ms = q && q.state === 'OPEN' ? remainingMs(q.closesAt, offset) : null;
  const countdown = $('present-countdown');
  countdown.hidden = ms === null;
  if (ms !== null) {
    setText(countdown, formatCountdown(ms));
    countdown.classList.toggle('ending', ms <= ENDING_MS);
  }
}

function showConnection(status) {
  const connection = $('present-connection');
  connection.dataset.state = status;
  $('present-connection-live').hidden = status !== 'live';
  $('present-connection-reconnecting').hidden = status === 'live';
}

/** (Re)starts following the event named in the address; a wrong address says how a right one looks. */
function follow() {
  if (stop) {
    stop();
    stop = null;
  }
  latest = null;
  joinCode = codeFromAddress();
  if (!joinCode) {
    screen.hidden = true;
    sayLine(t('present.badCode'), 'error');
    return;
  }
  sayLine('');
  $('present-waiting').hidden = true;
  $('present-current').hidden = true;
  screen.hidden = false;
  drawJoin();
  showConnection('reconnecting');
  stop = followEvent(joinCode, {
    onState: (state, offsetMs) => {
      offset = offsetMs;
      draw(state);
    },
    onStatus: showConnection,
  });
}

function markLanguage() {
  $('present-lang-ko').setAttribute('aria-pressed', String(lang() === 'ko'));
  $('present-lang-en').setAttribute('aria-pressed', String(lang() === 'en'));
}

async function switchLanguage(language) {
  try {
    if (!(await changeLanguage(language))) {
      return;
    }
  } catch {
    sayLine(t('error.network'), 'error');
    return;
  }
  markLanguage();
  if (joinCode) {
    drawJoin();
  } else {
    sayLine(t('present.badCode'), 'error');
  }
  if (latest) {
    draw(latest);
  }
}

/** A projector's laptop must not dim or sleep in the middle of a vote (where the browser offers a wake lock). */
async function keepAwake() {
  try {
    await navigator.wakeLock?.request('screen');
  } catch {
    // refused (plain http, battery saver): the laptop's own power settings decide
  }
}

function setUpFullScreen() {
  const button = $('present-fullscreen');
  if (!document.fullscreenEnabled) {
    button.hidden = true;
    return;
  }
  button.addEventListener('click', () => {
    document.documentElement.requestFullscreen().catch(() => {
      // refused by the browser: the page still fills the window
    });
  });
  document.addEventListener('fullscreenchange', () => {
    // the projected picture shows nothing to click; Esc leaves full screen and brings the buttons back
    screen.classList.toggle('fullscreen', Boolean(document.fullscreenElement));
  });
}

async function start() {
  if (!(await startTexts())) {
    return;
  }
  markLanguage();
  $('present-lang-ko').addEventListener('click', () => switchLanguage('ko'));
  $('present-lang-en').addEventListener('click', () => switchLanguage('en'));
  setUpFullScreen();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      keepAwake(); // the browser lets the lock go whenever the page is hidden
    }
  });
  window.addEventListener('hashchange', follow);
  window.addEventListener('resize', fit); // a window moved to the projector, or full screen
  window.setInterval(tick, 250); // 250 ms: the seconds change on time, not up to 1 s late
  follow();
  keepAwake();
}

start();
