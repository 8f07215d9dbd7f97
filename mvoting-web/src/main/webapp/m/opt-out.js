// The opt-out page of citizens' invitations: the token comes from the link (?t=); the button confirms, so a
// messaging app that previews the link does not opt anyone out by itself.

import { ApiError, request } from './api.js';
import { applyTexts, loadTexts, t } from './texts.js';

const message = document.getElementById('message');

function say(text, kind = 'info') {
  message.className = `message ${kind}`;
  message.textContent = text;
}

async function start() {
  try {
    await loadTexts();
  } catch {
    document.getElementById('boot-error').hidden = false;
    return;
  }
  applyTexts();
  const token = new URLSearchParams(location.search).get('t') || '';
  const button = document.getElementById('opt-out');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await request(`citizen-polls/opt-outs/${encodeURIComponent(token)}`, { method: 'POST' });
      say(t('optout.done'), 'ok');
      button.hidden = true;
    } catch (error) {
      say(error instanceof ApiError ? error.message : t('error.unexpected'), 'error');
      button.disabled = false;
    }
  });
}

start();
