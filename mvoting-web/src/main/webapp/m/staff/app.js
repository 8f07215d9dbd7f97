// The staff view inside the mobile office (staff.html): my polls, vote, receipt, results, with the mobile office's
// bearer token alone (session.js says how it arrives). Routes:
//
//   #/                        my polls
//   #/polls/{id}/vote         the ballot, then a confirmation step
//   #/polls/{id}/receipt      the receipt this phone received, and its check
//   #/polls/{id}/results      results, as the poll's visibility allows

import { ApiError } from '../api.js';
import { clearMessage, h, sayError, setDocumentTitle } from '../dom.js';
import { changeLanguage, lang, startTexts, t } from '../texts.js';
import { forgetToken, takeTokenFromAddress } from './session.js';
import { myPolls, noToken, receipt, results, vote } from './views.js';

const routes = [
  [/^\/?$/, myPolls],
  [/^\/polls\/([0-9a-f-]{36})\/vote$/, vote],
  [/^\/polls\/([0-9a-f-]{36})\/receipt$/, receipt],
  [/^\/polls\/([0-9a-f-]{36})\/results$/, results],
];

const view = document.getElementById('view');

async function render() {
  const path = location.hash.replace(/^#/, '') || '/';
  const route = routes.find(([pattern]) => pattern.test(path));
  let page;
  try {
    page = route ? await route[1](...path.match(route[0]).slice(1)) : await myPolls();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      forgetToken(); // expired or refused: only the mobile office can hand a new one
      page = noToken();
    } else {
      page = h('section', {}, h('h1', {}, t('staff.heading')));
    }
    sayError(error);
  }
  view.replaceChildren(page);
  const heading = view.querySelector('h1');
  setDocumentTitle(heading ? heading.textContent : '');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

async function start() {
  takeTokenFromAddress(); // first, before anything can read or log the address
  if (!(await startTexts())) {
    return;
  }
  const pressed = () => document.querySelectorAll('.lang button')
    .forEach((b) => b.setAttribute('aria-pressed', String(b.lang === lang())));
  pressed();
  for (const language of ['ko', 'en']) {
    document.getElementById(`lang-${language}`).addEventListener('click', async () => {
      try {
        if (await changeLanguage(language)) {
          pressed();
          await render();
        }
      } catch (error) {
        sayError(error);
      }
    });
  }
  window.addEventListener('hashchange', () => {
    // the mobile office may hand a new token to the page it already shows (a fragment change reloads nothing)
    takeTokenFromAddress();
    clearMessage();
    render();
  });
  await render();
}

start();
