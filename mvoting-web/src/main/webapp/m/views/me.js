// My details (signed in): the page that leads to my history, my mileage, my profile and my polls; the history and the
// mileage themselves.

import { getMaskedPhone, request, signOutEverywhere } from '../api.js';
import { block, blocked, enc, h, link, pageFoot, pageHead, sayError } from '../dom.js';
import { day, number } from '../format.js';
import { go, signInAgain, signedInView } from '../router.js';
import { pushPermission, subscribeToPush } from '../push.js';
import { forgetReceipts } from '../storage.js';
import { t } from '../texts.js';

export function mePage() {
  return signedInView({ path: '/me', show: meView });
}

function meView() {
  const phone = getMaskedPhone();
  return h('section', {},
    pageHead(t('me.heading'), t('me.intro')),
    phone ? h('dl', { class: 'facts' },
      h('dt', {}, t('me.phone')),
      h('dd', {}, h('span', { id: 'me-phone' }, phone), h('span', { class: 'hint me-phone-hint' }, t('me.phoneMasked'))))
      : null,
    h('section', { class: 'me-card', 'aria-labelledby': 'me-history-heading' },
      h('h2', { id: 'me-history-heading' }, t('me.historyHeading')),
      h('p', { class: 'hint' }, t('me.historyHint')),
      link('/me/history', t('me.historyLink'), { id: 'me-history-link' })),
    h('section', { class: 'me-card', 'aria-labelledby': 'me-mileage-heading' },
      h('h2', { id: 'me-mileage-heading' }, t('me.mileageHeading')),
      h('p', { class: 'hint' }, t('me.mileageHint')),
      link('/me/mileage', t('me.mileageLink'), { id: 'me-mileage-link' })),
    h('section', { class: 'me-card', 'aria-labelledby': 'me-profile-heading' },
      h('h2', { id: 'me-profile-heading' }, t('me.profileHeading')),
      h('p', { class: 'hint' }, t('me.profileHint')),
      link('/me/profile', t('me.profileLink'), { id: 'me-profile-link' })),
    h('section', { class: 'me-card', 'aria-labelledby': 'me-polls-heading' },
      h('h2', { id: 'me-polls-heading' }, t('me.pollsHeading')),
      h('p', { class: 'hint' }, t('me.pollsHint')),
      h('ul', { class: 'link-list' },
        h('li', {}, link('/me/polls', t('me.pollsLink'), { id: 'me-polls-link' })),
        h('li', {}, link('/citizen-polls/new', t('me.createLink'), { id: 'me-create-link' })))),
    pushCard(),
    everywhereCard(),
    h('p', {}, link('/', t('common.backToPolls'))));
}

/** "알림 받기": new polls as notifications on this phone (Web Push), or why this browser cannot. */
function pushCard() {
  const permission = pushPermission();
  const status = h('p', { id: 'me-push-status', class: 'hint' },
    permission === 'unsupported' ? t('me.pushUnsupported')
      : permission === 'denied' ? t('me.pushBlocked')
        : permission === 'granted' ? t('me.pushOn') : t('me.pushHint'));
  const button = h('button', { type: 'button', id: 'me-push-button', class: 'secondary' }, t('me.pushButton'));
  button.hidden = permission === 'unsupported' || permission === 'denied';
  button.addEventListener('click', async () => {
    if (blocked(button)) {
      return;
    }
    block(button, true);
    try {
      const outcome = await subscribeToPush();
      status.textContent = outcome === 'subscribed' ? t('me.pushOn') : t('me.pushBlocked');
      button.hidden = outcome !== 'subscribed';
    } catch (error) {
      if (!signInAgain(error, '/me')) {
        sayError(error);
      }
    } finally {
      block(button, false);
    }
  });
  return h('section', { class: 'me-card', 'aria-labelledby': 'me-push-heading' },
    h('h2', { id: 'me-push-heading' }, t('me.pushHeading')),
    status,
    button);
}

/** Sign out everywhere: every token of this citizen, on every phone and browser, is refused from then on. */
function everywhereCard() {
  const button = h('button', { type: 'button', id: 'sign-out-everywhere', class: 'secondary danger' },
    t('me.everywhereButton'));
  button.addEventListener('click', async () => {
    if (blocked(button)) {
      return;
    }
    block(button, true);
    try {
      await signOutEverywhere();
      forgetReceipts();
      go('/', { text: t('auth.loggedOutEverywhere') });
    } catch (error) {
      block(button, false);
      if (!signInAgain(error, '/me')) {
        sayError(error);
      }
    }
  });
  return h('section', { class: 'me-card', 'aria-labelledby': 'me-everywhere-heading' },
    h('h2', { id: 'me-everywhere-heading' }, t('me.everywhereHeading')),
    h('p', { class: 'hint' }, t('me.everywhereHint')),
    button);
}

export function historyPage() {
  return signedInView({
    path: '/me/history',
    load: async () => (await request('me/participations', { auth: true })).data || [],
    show: historyView,
  });
}

function historyView(items) {
  const content = items.length === 0
    ? h('p', { id: 'history-empty', class: 'notice' }, t('history.empty'))
    : [h('p', { class: 'hint' }, t('history.count', number(items.length))),
      h('ul', { id: 'history-list', class: 'history' }, items.map(historyItem))];
  return h('section', {},
    pageHead(t('history.heading'), t('history.intro')),
    content,
    pageFoot(link('/me', t('me.back'))));
}

function historyItem(p) {
  const titleId = `history-title-${p.pollId}`;
  return h('li', { id: `history-item-${p.pollId}`, class: 'history-item' },
    // a removed poll has no page any more: its title stays, as text
    p.status === 'REMOVED'
      ? h('p', { id: titleId, class: 'history-title' }, p.title)
      : h('p', { class: 'history-title' }, link(`/polls/${enc(p.pollId)}`, p.title, { id: titleId })),
    h('dl', { class: 'facts' },
      h('dt', {}, t('history.votedOn')), h('dd', {}, h('time', { datetime: p.votedOn }, day(p.votedOn))),
      h('dt', {}, t('history.channel')), h('dd', { 'data-channel': p.channel }, t(`channel.${p.channel}`)),
      h('dt', {}, t('history.status')), h('dd', { 'data-status': p.status }, t(`status.${p.status}`))));
}

export function mileagePage() {
  return signedInView({
    path: '/me/mileage',
    load: async () => (await request('me/mileage', { auth: true })).data,
    show: mileageView,
  });
}

/** The balance, the payee code the city pays under, and each award or reversal (days are the city's, from the server). */
function mileageView(statement) {
  const lines = statement.history || [];
  return h('section', {},
    pageHead(t('mileage.heading'), t('mileage.intro')),
    h('dl', { class: 'facts' },
      h('dt', {}, t('mileage.balance')),
      h('dd', { id: 'mileage-balance', 'data-won': String(statement.balanceWon) }, t('mileage.won', number(statement.balanceWon))),
      h('dt', {}, t('mileage.payeeCode')),
      h('dd', {}, h('span', { id: 'mileage-payee' }, statement.payeeCode), h('span', { class: 'hint' }, t('mileage.payeeHint')))),
    lines.length === 0
      ? h('p', { id: 'mileage-empty', class: 'notice' }, t('mileage.empty'))
      : h('ul', { id: 'mileage-list', class: 'history' }, lines.map(mileageLine)),
    pageFoot(link('/me', t('me.back'))));
}

function mileageLine(line) {
  return h('li', { class: 'history-item', 'data-kind': line.kind, 'data-reversed': String(line.reversed) },
    h('p', { class: 'history-title' }, line.pollTitle || t('mileage.pollGone')),
    h('dl', { class: 'facts' },
      h('dt', {}, t('mileage.day')), h('dd', {}, h('time', { datetime: line.day }, day(line.day))),
      h('dt', {}, t('mileage.amount')), h('dd', {}, t('mileage.won', number(line.amountWon))),
      h('dt', {}, t('mileage.kind')),
      h('dd', {}, t(`mileage.kind.${line.kind}`), line.reversed ? h('span', { class: 'hint' }, ` ${t('mileage.reversed')}`) : null)));
}
