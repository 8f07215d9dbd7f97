// Voting: the ballot (one input per question), the confirmation step, and sending it once, whatever the network does.

import { ApiError, request } from '../api.js';
import { block, blocked, clearMessage, enc, fieldError, h, link, say, sayError, showFieldError } from '../dom.js';
import { go, needsSignIn } from '../router.js';
import { forgetAttempt, idempotencyKey, readAttempt, receipts, rememberReceipt } from '../storage.js';
import { t } from '../texts.js';

export async function vote(id) {
  const { data: poll } = await request(`polls/${enc(id)}`);
  // device-level polls take a ballot without sign-in (one per device: the browser's device cookie), so this view
  // asks for one only after seeing the poll, not through signedInView
  if (poll.minimumAssurance !== 'DEVICE' && needsSignIn(`/polls/${id}/vote`, t('login.forVote'))) {
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
export function passwordField(id, { label, hint, autocomplete }) {
  const input = h('input', {
    type: 'password', id, name: id, autocomplete, maxlength: '64', required: true, autocapitalize: 'off',
    spellcheck: 'false', 'aria-describedby': `${id}-hint ${id}-error`,
  });
  const toggle = h('button', {
    type: 'button', id: `${id}-toggle`, class: 'secondary', 'aria-pressed': 'false', 'aria-controls': id,
  }, t('password.show'));
  const error = fieldError(id);
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
      showFieldError(error, input, text);
    },
  };
  input.addEventListener('input', () => field.showError(null));
  return field;
}

/**
 * The inputs for question number n: radios (one answer), checkboxes (several, with a live counter that holds
 * the maximum) or one rank select per option (RANKING). ids: q{n}-o{m}, n and m counted from 1.
 */
export function questionInput(question, n) {
  const hintId = `q${n}-hint`;
  const errorId = `q${n}-error`;
  const fieldset = h('fieldset', { id: `q${n}`, class: `question ${question.type.toLowerCase().replace('_', '-')}`,
    'aria-describedby': `${hintId} ${errorId}` });
  const error = fieldError(`q${n}`);
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

/** "Choose one", "choose up to 3", "rank all 4", ... for a question. */
export function selectionHint(q) {
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
