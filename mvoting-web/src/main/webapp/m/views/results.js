// A poll's results (with the summary of a closed one) and a ballot's receipt with its check.

import { ApiError, request } from '../api.js';
import { block, blocked, copyText, enc, h, link, pageFoot, pageHead, say, sayError } from '../dom.js';
import { POLICY_STAGES } from '../enums.js';
import { dateTime, day, number } from '../format.js';
import { go } from '../router.js';
import { t } from '../texts.js';

export async function receiptPage(id, receipt) {
  const status = h('p', { id: 'receipt-status', class: 'receipt-status', hidden: true });
  const checkButton = h('button', { type: 'button', id: 'check-receipt', class: 'primary' }, t('receipt.check'));
  const code = h('p', { id: 'receipt-code', class: 'receipt-code', 'aria-labelledby': 'receipt-code-label' }, receipt);
  const copyButton = h('button', { type: 'button', id: 'copy-receipt', class: 'secondary' }, t('receipt.copy'));

  copyButton.addEventListener('click', () => copyText(receipt, code, t('receipt.copied'), t('receipt.copyFailed')));

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
    pageHead(t('receipt.heading'), t('receipt.intro')),
    h('div', { class: 'receipt-box' },
      h('p', { id: 'receipt-code-label', class: 'label' }, t('receipt.code')),
      code,
      h('div', { class: 'actions' }, copyButton, checkButton),
      status),
    pageFoot(
      link(`/polls/${id}/results`, t('poll.results'), { id: 'results-link' }),
      link(`/polls/${id}`, t('common.backToPoll'))));
}

export async function resultsPage(id) {
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

  const cycle = results.status === 'CLOSED' ? await policyCycle(id) : null;
  const weighted = await weightedResults(id);

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
    results.checkpoint ? h('p', { class: 'hint', id: 'results-checkpoint', 'data-head-hash': results.checkpoint.headHash,
      'data-tally-hash': results.checkpoint.tallyHash }, t('results.checkpoint', results.checkpoint.display)) : null,
    results.questions.map((q, qi) => h('section', { class: 'result-question', 'aria-labelledby': `result-q${qi + 1}-heading` },
      h('h2', { id: `result-q${qi + 1}-heading` }, `${t('vote.question', qi + 1)}. ${q.text}`),
      q.type === 'RANKING' ? h('p', { class: 'hint' }, t('results.pointsNote')) : null,
      h('ul', { class: 'results' }, q.options.map((o, oi) => resultRow(q, o, qi + 1, oi + 1))))),
    weighted,
    summary,
    cycle,
    h('div', { class: 'actions' }, refresh),
    h('p', {}, backToPoll));
}

// What the city did with a closed poll's result: agenda, decision, execution, evaluation (each a day in the city's
// calendar), with corrected entries kept under a disclosure. Stages not yet recorded are shown as still to come.

async function policyCycle(id) {
  let data;
  try {
    data = (await request(`polls/${enc(id)}/policy-cycle`)).data;
  } catch {
    return null; // a poll without a cycle (or a hiccup): the results stand on their own
  }
  const byStage = new Map(data.steps.map((s) => [s.stage, s]));
  return h('section', { id: 'policy-cycle', 'aria-labelledby': 'policy-cycle-heading' },
    h('h2', { id: 'policy-cycle-heading' }, t('cycle.heading')),
    h('p', { class: 'hint' }, t('cycle.intro', data.department)),
    data.steps.length === 0 ? h('p', { id: 'policy-cycle-none', class: 'hint' }, t('cycle.none')) : null,
    h('ol', { class: 'policy-cycle' }, POLICY_STAGES.map((stage) => cycleStep(id, stage, byStage.get(stage)))),
    data.corrected.length === 0 ? null : h('details', { id: 'policy-cycle-history' },
      h('summary', {}, t('cycle.history', number(data.corrected.length))),
      h('ul', {}, data.corrected.map((s) => h('li', { 'data-stage': s.stage },
        h('span', { class: 'label' }, `${t(`cycle.stage.${s.stage}`)} · ${day(s.date)} · ${t('cycle.corrected')}`), ' ',
        s.summary)))));
}

function cycleStep(id, stage, step) {
  if (!step) {
    return h('li', { id: `cycle-${stage.toLowerCase()}`, class: 'pending', 'data-stage': stage },
      h('span', { class: 'label' }, t(`cycle.stage.${stage}`)), ' · ', t('cycle.pending'));
  }
  const file = step.document ? h('a', { class: 'cycle-document',
    href: new URL(`../api/v1/polls/${enc(id)}/policy-cycle/steps/${enc(step.id)}/document`, location.href).href,
    download: step.document.fileName }, t('cycle.document', step.document.fileName)) : null;
  return h('li', { id: `cycle-${stage.toLowerCase()}`, 'data-stage': stage, 'data-date': step.date },
    h('span', { class: 'label' }, `${t(`cycle.stage.${stage}`)} · `, h('time', { datetime: step.date }, day(step.date))),
    h('p', { class: 'cycle-summary' }, step.summary),
    file);
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

/**
 * A panel sample's results weighted to the census, as a table a screen reader reads row by row: raw share, weighted
 * share and its margin of error per option, then n, n_eff and deff. Nothing for other polls (422), nor when the
 * sample cannot be weighted or is not visible yet: the raw results above stand on their own.
 */
async function weightedResults(id) {
  let data;
  try {
    data = (await request(`polls/${enc(id)}/results/weighted`, { auth: true })).data;
  } catch {
    return null;
  }
  const percent = (fraction) => number(fraction * 100, 1);
  return h('section', { id: 'weighted', 'aria-labelledby': 'weighted-heading' },
    h('h2', { id: 'weighted-heading' }, t('weighted.heading')),
    h('p', { class: 'hint', id: 'weighted-census' }, t('weighted.census', data.census.title, data.census.source),
      data.census.illustrative ? h('strong', { id: 'weighted-illustrative', class: 'badge' }, ` ${t('weighted.illustrative')}`) : null),
    data.questions.map((q) => h('div', { class: 'weighted-question' },
      h('table', { id: `weighted-q${q.position}`, class: 'weighted-table' },
        h('caption', {}, `${t('vote.question', q.position)}. ${q.text}`),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('weighted.option')),
          h('th', { scope: 'col' }, t('weighted.raw')),
          h('th', { scope: 'col' }, t('weighted.share')),
          h('th', { scope: 'col' }, t('weighted.margin')))),
        h('tbody', {}, q.options.map((o, oi) => h('tr', { id: `weighted-q${q.position}-o${oi + 1}`, 'data-weighted': o.weightedShare },
          h('th', { scope: 'row' }, o.label),
          h('td', {}, `${percent(o.rawShare)}%`),
          h('td', {}, `${percent(o.weightedShare)}%`),
          h('td', {}, `±${percent(o.marginOfError)}%p`))))),
      h('p', { class: 'hint', id: `weighted-q${q.position}-sizes` },
        t('weighted.sizes', number(q.ballots), number(q.effectiveSampleSize, 1), number(q.designEffect, 2))))),
    h('p', { class: 'hint' }, t('weighted.method', number(data.method.trimRatio), data.method.tolerance,
      data.method.suppressionThreshold)));
}

function refusedResults(error, backToPoll) {
  sayError(error); // e.g. 403 results-not-visible: the server says when they will be
  return h('section', {},
    h('h1', {}, error instanceof ApiError && error.title ? error.title : t('results.heading')),
    h('p', { id: 'results-refused', class: 'notice' }, error instanceof ApiError ? error.message : t('error.unexpected')),
    pageFoot(backToPoll));
}
