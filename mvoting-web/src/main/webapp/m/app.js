// Citizen mobile web (index.html): the route table, the header's buttons and the start; the views are in views/.
//
// Everything shown comes from the texts bundle (t) or from the API; server data is only ever set as text, never as
// HTML. The routes:
//
//   #/                               open polls, closing-soon first; citizens' polls and joining the panel
//   #/login?next=/polls/{id}         phone number, then the SMS code (?from=city-hall: also the way into the panel)
//   #/polls/{id}                     one poll (?from=city-hall: the city-hall QR code, which also offers the panel)
//   #/polls/{id}/vote                the ballot, then a confirmation step
//   #/polls/{id}/receipt/{receipt}   the receipt and its check
//   #/polls/{id}/results             results
//   #/me                             my details (signed in): links to the two below, the masked phone number
//   #/me/history                     the polls I took part in
//   #/me/mileage                     my mileage: balance, payee code, awards and reversals
//   #/me/profile                     my panel profile: give it with consent, change it, withdraw (delete) it
//   #/me/polls                       the polls I made (citizens ask citizens): status, share link, close
//   #/me/polls/{id}/invitees         an invite-only poll of mine: its people (masked), adding more, sending invitations
//   #/citizen-polls                  citizens' polls open to all (the directory)
//   #/citizen-polls/new              make a poll (signed in)
//   #/citizen-polls/{id}/created     the poll just made: its status, share link and QR code
//   #/events/{joinCode}              an on-site event: joining, then the live question the operator puts
//   #/events/{joinCode}/register     asking beforehand to take part (signed in), then the request's state

import { signOut } from './api.js';
import { say } from './dom.js';
import { registerServiceWorker } from './push.js';
import { go, render, startRouter, updateHeader } from './router.js';
import { forgetReceipts } from './storage.js';
import { changeLanguage, startTexts, t } from './texts.js';
import { citizenPollsPage, createdPage, myPollsPage } from './views/citizen-polls.js';
import { newCitizenPollPage } from './views/create-poll.js';
import { eventJoinPage, eventRegisterPage } from './views/events.js';
import { inviteesPage } from './views/invitees.js';
import { login } from './views/login.js';
import { historyPage, mePage, mileagePage } from './views/me.js';
import { home, pollPage } from './views/polls.js';
import { profilePage } from './views/profile.js';
import { receiptPage, resultsPage } from './views/results.js';
import { vote } from './views/vote.js';

const routes = [
  [/^\/?$/, home],
  [/^\/login$/, login],
  [/^\/polls\/([^/]+)$/, pollPage],
  [/^\/polls\/([^/]+)\/vote$/, vote],
  [/^\/polls\/([^/]+)\/receipt\/([^/]+)$/, receiptPage],
  [/^\/polls\/([^/]+)\/results$/, resultsPage],
  [/^\/me$/, mePage],
  [/^\/me\/history$/, historyPage],
  [/^\/me\/mileage$/, mileagePage],
  [/^\/me\/profile$/, profilePage],
  [/^\/me\/polls$/, myPollsPage],
  [/^\/me\/polls\/([^/]+)\/invitees$/, inviteesPage],
  [/^\/citizen-polls$/, citizenPollsPage],
  [/^\/citizen-polls\/new$/, newCitizenPollPage],
  [/^\/citizen-polls\/([^/]+)\/created$/, createdPage],
  [/^\/events\/([0-9]{6})$/, eventJoinPage],
  [/^\/events\/([0-9]{6})\/register$/, eventRegisterPage],
];

async function switchLanguage(language) {
  try {
    if (!(await changeLanguage(language))) {
      return;
    }
  } catch {
    say(t('error.network'), 'error');
    return;
  }
  await render({ keepFocus: true });
}

async function start() {
  if (!(await startTexts())) {
    document.getElementById('view').hidden = true;
    return;
  }
  document.getElementById('lang-ko').addEventListener('click', () => switchLanguage('ko'));
  document.getElementById('lang-en').addEventListener('click', () => switchLanguage('en'));
  document.getElementById('logout').addEventListener('click', async () => {
    const told = await signOut(); // the server revokes the token, not only this browser forgetting it
    forgetReceipts();
    go('/', { text: told ? t('auth.loggedOut') : t('auth.loggedOutHere') });
  });
  window.addEventListener('mvoting:auth', updateHeader);
  window.addEventListener('storage', (event) => {
    if (event.key === 'mvoting.token') {
      updateHeader(); // signed in or out in another tab
    }
  });
  await startRouter(routes);
  registerServiceWorker(); // after the first page: installing the offline shell never delays it
}

start();
