// The opt-out page of citizens' invitations: the token comes from the link (?t=); the button confirms, so a
// messaging app that previews the link does not opt anyone out by itself.

import { ApiError, request } from './api.js';
import { sayLine } from './dom.js';
import { startTexts, t } from './texts.js';

async function start() {
  if (!(await startTexts())) {
    return;
  }
  const token = new URLSearchParams(location.search).get('t') || '';
  const button = document.getElementById('opt-out');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await request(`citizen-polls/opt-outs/${encodeURIComponent(token)}`, { method: 'POST' });
      sayLine(t('optout.done'), 'ok');
      button.hidden = true;
    } catch (error) {
      sayLine(error instanceof ApiError ? error.message : t('error.unexpected'), 'error');
      button.disabled = false;
    }
  });
}

start();
