// An event's live screen on the phone: the question the operator puts, its ballot, its results when shown.

import { ApiError, request } from '../api.js';
import { block, blocked, enc, h, say, sayError, setDocumentTitle } from '../dom.js';
import { number } from '../format.js';
import { followEvent, formatCountdown, remainingMs } from '../live.js';
import { go, onLeave } from '../router.js';
import { dropEventPass, eventBallotKey, eventVoteOf, forgetEventBallotKey, rememberEventVote } from '../storage.js';
import { t } from '../texts.js';

/**
 * The participant's live screen: the question the operator puts on the screens, pushed by the server, its ballot,
 * and the results when the operator shows them. The stream stops when the view is left (onLeave).
 */
export function eventLiveView(joinCode, pass) {
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
      setDocumentTitle(state.title);
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
