// The public check of a results summary (check.html): by verification code, or by uploading the PDF. The server
// says whether the summary is intact and still matches the stored result; this page shows it, and the counts, so
// a reader can compare them with the paper in their hand.

import { ApiError, request } from './api.js';
import { applyTexts, formatLocale, loadTexts, t } from './texts.js';

const message = document.getElementById('message');
const result = document.getElementById('check-result');

function say(text, kind = 'info') {
  message.className = `message ${kind}`;
  message.textContent = text;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([name, value]) => node.setAttribute(name, value));
  children.flat().filter((c) => c !== null && c !== undefined).forEach((c) => node.append(c));
  return node;
}

function when(iso) {
  return new Date(iso).toLocaleString(formatLocale(), { dateStyle: 'medium', timeStyle: 'short' });
}

/** Shows what the server found; valid and matching → "authentic", anything else → a clear warning. */
function show(check) {
  result.replaceChildren();
  const authentic = check.valid && check.matchesStoredResult;
  result.dataset.valid = String(Boolean(check.valid));
  result.dataset.matches = String(Boolean(check.matchesStoredResult));
  const verdict = !check.valid ? t('check.invalid') : !check.matchesStoredResult ? t('check.mismatch') : t('check.valid');
  result.append(el('p', { id: 'check-verdict', class: authentic ? 'notice ok' : 'notice error' }, verdict));
  const s = check.summary;
  if (s) {
    result.append(
      el('h2', {}, s.title),
      el('dl', { class: 'facts' },
        el('dt', {}, t('check.codeLabel')), el('dd', { id: 'check-summary-code' }, s.verificationCode),
        el('dt', {}, t('check.period')), el('dd', {}, `${when(s.opensAt)} ~ ${when(s.closesAt)}`),
        el('dt', {}, t('check.participants')), el('dd', { id: 'check-participants' }, String(s.participants))),
      ...s.questions.map((q, qi) => el('section', {},
        el('h3', {}, `${qi + 1}. ${q.text}`),
        el('ul', { class: 'options' }, q.options.map((o, oi) => el('li', {
          id: `check-q${qi + 1}-o${oi + 1}`, 'data-votes': String(o.votes),
        }, t('check.votes', o.label, o.votes)))))));
  }
  result.hidden = false;
  result.focus?.();
}

function refused(error) {
  result.hidden = true;
  say(error instanceof ApiError ? error.message : t('error.unexpected'), 'error');
}

async function start() {
  try {
    await loadTexts();
  } catch {
    document.getElementById('boot-error').hidden = false;
    return;
  }
  applyTexts();
  const code = document.getElementById('check-code');
  const fromLink = new URLSearchParams(location.search).get('code');
  if (fromLink) {
    code.value = fromLink;
  }
  document.getElementById('check-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!code.value.trim()) {
      say(t('check.codeMissing'), 'error');
      code.focus();
      return;
    }
    try {
      const { data } = await request(`summaries/${encodeURIComponent(code.value.trim())}`);
      say('');
      show(data);
    } catch (error) {
      refused(error);
    }
  });
  document.getElementById('check-pdf-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = document.getElementById('check-pdf').files[0];
    if (!file) {
      say(t('check.pdfMissing'), 'error');
      return;
    }
    try {
      const response = await fetch(new URL('../api/v1/summaries/verify', import.meta.url), {
        method: 'POST', body: file, credentials: 'omit',
        headers: { 'Content-Type': 'application/pdf', Accept: 'application/json, application/problem+json' },
      });
      const data = await response.json();
      if (!response.ok) {
        say(data.detail || t('error.unexpected'), 'error');
        return;
      }
      say('');
      show(data);
    } catch {
      say(t('error.network'), 'error');
    }
  });
  if (fromLink) {
    document.getElementById('check-submit').click();
  }
}

start();
