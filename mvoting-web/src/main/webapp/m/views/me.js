// My details (signed in): the page that leads to my history, my profile and my polls, and the history itself.

import { getMaskedPhone, request } from '../api.js';
import { enc, h, link, pageFoot, pageHead } from '../dom.js';
import { day, number } from '../format.js';
import { signedInView } from '../router.js';
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
    h('p', {}, link('/', t('common.backToPolls'))));
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
