// The public check of a results summary (check.html): by verification code, or by uploading the PDF. The server
// says whether the summary is intact and still matches the stored result; this page shows it, and the counts, so
// a reader can compare them with the paper in their hand.

import { ApiError, request } from './api.js';
import { h, sayLine } from './dom.js';
import { dateTimeMedium } from './format.js';
import { startTexts, t } from './texts.js';

const result = document.getElementById('check-result');

function when(iso) {
  return dateTimeMedium(iso);
}

/** Shows what the server found; valid and matching → "authentic", anything else → a clear warning. */
function show(check) {
  result.replaceChildren();
  const authentic = check.valid && check.matchesStoredResult;
  result.dataset.valid = String(Boolean(check.valid));
  result.dataset.matches = String(Boolean(check.matchesStoredResult));
  const verdict = !check.valid ? t('check.invalid') : !check.matchesStoredResult ? t('check.mismatch') : t('check.valid');
  result.append(h('p', { id: 'check-verdict', class: authentic ? 'notice ok' : 'notice error' }, verdict));
  const s = check.summary;
  if (s) {
    result.append(
      h('h2', {}, s.title),
      h('dl', { class: 'facts' },
        h('dt', {}, t('check.codeLabel')), h('dd', { id: 'check-summary-code' }, s.verificationCode),
        h('dt', {}, t('check.period')), h('dd', {}, `${when(s.opensAt)} ~ ${when(s.closesAt)}`),
        h('dt', {}, t('check.participants')), h('dd', { id: 'check-participants' }, String(s.participants))),
      ...s.questions.map((q, qi) => h('section', {},
        h('h3', {}, `${qi + 1}. ${q.text}`),
        h('ul', { class: 'options' }, q.options.map((o, oi) => h('li', {
          id: `check-q${qi + 1}-o${oi + 1}`, 'data-votes': String(o.votes),
        }, t('check.votes', o.label, o.votes)))))));
  }
  result.hidden = false;
  result.focus?.();
}

function refused(error) {
  result.hidden = true;
  sayLine(error instanceof ApiError ? error.message : t('error.unexpected'), 'error');
}

async function start() {
  if (!(await startTexts())) {
    return;
  }
  const code = document.getElementById('check-code');
  const fromLink = new URLSearchParams(location.search).get('code');
  if (fromLink) {
    code.value = fromLink;
  }
  document.getElementById('check-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!code.value.trim()) {
      sayLine(t('check.codeMissing'), 'error');
      code.focus();
      return;
    }
    try {
      const { data } = await request(`summaries/${encodeURIComponent(code.value.trim())}`);
      sayLine('');
      show(data);
    } catch (error) {
      refused(error);
    }
  });
  document.getElementById('check-pdf-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = document.getElementById('check-pdf').files[0];
    if (!file) {
      sayLine(t('check.pdfMissing'), 'error');
      return;
    }
    try {
      const response = await fetch(new URL('../api/v1/summaries/verify', import.meta.url), {
        method: 'POST', body: file, credentials: 'omit',
        headers: { 'Content-Type': 'application/pdf', Accept: 'application/json, application/problem+json' },
      });
      const data = await response.json();
      if (!response.ok) {
        sayLine(data.detail || t('error.unexpected'), 'error');
        return;
      }
      sayLine('');
      show(data);
    } catch {
      sayLine(t('error.network'), 'error');
    }
  });
  if (fromLink) {
    document.getElementById('check-submit').click();
  }
}

start();
