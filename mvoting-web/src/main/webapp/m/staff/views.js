// The staff view's pages: my polls, the ballot (the citizens' question inputs), the receipt, the results.
// Server data is only ever set as text (h never parses HTML).

import { ApiError } from '../api.js';
import { block, blocked, clearMessage, enc, h, link, say, sayError } from '../dom.js';
import { dateTime, number } from '../format.js';
import { t } from '../texts.js';
import { questionInput } from '../views/vote.js';
import { attemptKey, keepStaffReceipt, staffReceipts, staffRequest, token } from './session.js';

/** Without a token there is nothing to show: the mobile office opens this page with one. */
export function noToken() {
  return h('section', { id: 'staff-no-token' },
    h('h1', {}, t('staff.heading')),
    h('p', { class: 'notice' }, t('staff.openFromMobileOffice')));
}

/** #/ : my polls, open ones first (closing soon flagged), then upcoming, then closed. */
export async function myPolls() {
  if (!token()) {
    return noToken();
  }
  const { data: polls } = await staffRequest('staff/my-polls');
  const receipts = staffReceipts();
  const section = h('section', { id: 'staff-polls' }, h('h1', {}, t('staff.heading')),
    h('p', { class: 'intro' }, t('staff.intro')));
  if (polls.length === 0) {
    section.append(h('p', { id: 'staff-none', class: 'notice' }, t('staff.none')));
    return section;
  }
  for (const state of ['OPEN', 'UPCOMING', 'CLOSED']) {
    const group = polls.filter((p) => p.state === state);
    if (group.length === 0) {
      continue;
    }
    section.append(h('h2', {}, t(`staff.state.${state}`)),
      h('ul', { class: 'poll-list' }, group.map((p) => pollItem(p, receipts[p.id]))));
  }
  return section;
}

function pollItem(poll, receipt) {
  const canVote = poll.state === 'OPEN' && !poll.voted;
  return h('li', { id: `staff-poll-${poll.id}`, class: 'poll-card', 'data-state': poll.state,
    'data-voted': String(poll.voted), 'data-closing-soon': String(poll.closingSoon) },
  h('h3', {}, poll.title),
  h('p', { class: 'meta' }, `${poll.department} · ${t('staff.closes', dateTime(poll.closesAt))}`),
  poll.closingSoon ? h('p', { class: 'badge closing-soon' }, t('staff.closingSoon')) : null,
  poll.voted ? h('p', { class: 'voted' }, t('staff.voted')) : null,
  h('p', { class: 'actions' },
    canVote ? link(`/polls/${poll.id}/vote`, t('staff.vote'), { id: `staff-vote-${poll.id}`, class: 'button primary' }) : null,
    receipt ? link(`/polls/${poll.id}/receipt`, t('staff.myReceipt'), { id: `staff-receipt-link-${poll.id}` }) : null,
    poll.resultsVisible ? link(`/polls/${poll.id}/results`, t('staff.results'), { id: `staff-results-${poll.id}` })
      : h('span', { class: 'muted' }, t(`staff.resultsWhen.${poll.resultsVisibility}`))));
}

/** #/polls/{id}/vote : the ballot, a confirmation step, one cast per attempt whatever the network does. */
export async function vote(id) {
  if (!token()) {
    return noToken();
  }
  const { data: poll } = await staffRequest(`polls/${enc(id)}`);
  const back = link('/', t('staff.back'));
  const heading = h('h1', {}, poll.title);
  if (poll.status !== 'OPEN') {
    return h('section', {}, heading, h('p', { class: 'notice' }, t('poll.notOpen')), h('p', {}, back));
  }
  const questions = poll.questions.map((q, i) => questionInput(q, i + 1));
  const form = h('form', { id: 'ballot-form', novalidate: true }, questions.map((q) => q.fieldset),
    h('button', { type: 'submit', id: 'review', class: 'primary' }, t('vote.review')));
  const choices = h('dl', { id: 'choices', class: 'choices' });
  const confirmButton = h('button', { type: 'button', id: 'confirm-cast', class: 'primary' }, t('vote.confirm'));
  const editButton = h('button', { type: 'button', id: 'edit-choices', class: 'secondary' }, t('vote.edit'));
  const confirmation = h('section', { id: 'confirmation', hidden: true },
    h('h2', { tabindex: '-1' }, t('vote.confirmHeading')), h('p', {}, t('vote.confirmIntro')), choices,
    h('div', { class: 'actions' }, confirmButton, editButton));
  let ballot = null;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const problems = questions.map((q) => {
      const problem = q.check();
      q.showProblem(problem);
      return problem;
    }).filter(Boolean);
    if (problems.length > 0) {
      say(problems.join(' '), 'error');
      return;
    }
    clearMessage();
    ballot = { answers: questions.map((q) => ({ questionId: q.question.id, optionIds: q.chosen() })) };
    choices.replaceChildren(...questions.flatMap((q) => [
      h('dt', {}, `${t('vote.question', q.n)}. ${q.question.text}`),
      h('dd', {}, h('ul', {}, q.chosenLabels().map((label) => h('li', {}, label)))),
    ]));
    form.hidden = true;
    confirmation.hidden = false;
    confirmation.querySelector('h2').focus();
  });
  editButton.addEventListener('click', () => {
    confirmation.hidden = true;
    form.hidden = false;
  });
  confirmButton.addEventListener('click', async () => {
    if (blocked(confirmButton) || !ballot) {
      return;
    }
    block(confirmButton, true);
    say(t('vote.sending'));
    try {
      const { data } = await staffRequest(`polls/${enc(poll.id)}/ballots`, {
        method: 'POST', body: ballot, headers: { 'Idempotency-Key': attemptKey(poll.id, ballot) },
      });
      keepStaffReceipt(poll.id, data.receipt);
      location.hash = `#/polls/${poll.id}/receipt`;
    } catch (error) {
      sayError(error);
      if (error instanceof ApiError && error.status === 422) {
        editButton.click();
      }
    } finally {
      block(confirmButton, false);
    }
  });
  return h('section', {}, heading, h('p', { class: 'intro' }, t('vote.intro')), form, confirmation, h('p', {}, back));
}

/** #/polls/{id}/receipt : the receipt this phone received, and whether it is counted yet. */
export async function receipt(id) {
  if (!token()) {
    return noToken();
  }
  const code = staffReceipts()[id];
  const section = h('section', { id: 'staff-receipt-page' }, h('h1', {}, t('receipt.heading')));
  if (!code) {
    section.append(h('p', { class: 'notice' }, t('staff.noReceipt')));
  } else {
    section.append(h('p', { class: 'intro' }, t('receipt.intro')),
      h('p', {}, `${t('receipt.code')}: `, h('strong', { id: 'staff-receipt', class: 'receipt' }, code)));
    try {
      const { data } = await staffRequest(`polls/${enc(id)}/receipts/${enc(code)}`);
      section.append(h('p', { id: 'staff-receipt-status', 'data-status': data.status },
        `${t('receipt.statusLabel')}: ${t(`receipt.status.${data.status}`)}`));
    } catch (error) {
      sayError(error);
    }
  }
  section.append(h('p', { class: 'actions' }, link(`/polls/${id}/results`, t('staff.results'), { id: 'staff-results-link' }),
    link('/', t('staff.back'))));
  return section;
}

/** #/polls/{id}/results : the results as the poll's visibility allows (the server says when not). */
export async function results(id) {
  if (!token()) {
    return noToken();
  }
  const section = h('section', { id: 'staff-results-page' });
  try {
    const { data } = await staffRequest(`polls/${enc(id)}/results`);
    section.append(h('h1', {}, data.title),
      h('p', { id: 'staff-ballots', 'data-ballots': String(data.ballots) }, t('results.ballots', number(data.ballots)),
        ' · ', data.finalResult ? t('results.final') : t('results.live')));
    data.questions.forEach((q, i) => {
      section.append(h('h2', {}, `${t('vote.question', i + 1)}. ${q.text}`),
        h('ul', { class: 'results' }, q.options.map((o, j) => h('li', {
          id: `staff-result-q${i + 1}-o${j + 1}`, 'data-votes': String(o.votes),
        }, `${o.label}: ${t('results.votes', number(o.votes), number(o.share * 100, 1))}`))));
    });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500) {
      throw error;
    }
    section.append(h('h1', {}, t('results.heading')), h('p', { id: 'staff-results-refused', class: 'notice' }, error.message));
  }
  section.append(h('p', { class: 'actions' }, link('/', t('staff.back'))));
  return section;
}
