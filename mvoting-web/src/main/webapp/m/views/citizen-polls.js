// Citizens' polls: the directory, the poll just made, my polls, and their shared pieces (who votes, findings, link).

import { getToken, request } from '../api.js';
import { block, blocked, confirmStep, copyText, enc, h, link, pageFoot, pageHead, say, sayError } from '../dom.js';
import { dateTime } from '../format.js';
import { qrSvg } from '../qr.js';
import { errorView, signedInView, signInAgain } from '../router.js';
import { formatLocale, t } from '../texts.js';
import { DAY_MS, morePolls, PAGE_SIZE, pollItem } from './polls.js';

/** Polls made in this tab, by id: the "created" view shows the answer of the POST without asking again. */
export const createdPolls = new Map();

export function citizenVisibilityWords(visibility) {
  switch (visibility) {
    case 'PASSWORD': return t('cp.visibility.PASSWORD');
    case 'INVITE_ONLY': return t('cp.visibility.INVITE_ONLY');
    default: return t('cp.visibility.PUBLIC');
  }
}

/** What screening found (a held poll's heldFor), in words; a category this page does not know as it came. */
function findingWords(category) {
  switch (category) {
    case 'ABUSIVE': return t('finding.ABUSIVE');
    case 'POLITICAL': return t('finding.POLITICAL');
    case 'COMMERCIAL': return t('finding.COMMERCIAL');
    case 'RESIDENT_REGISTRATION_NUMBER': return t('finding.RESIDENT_REGISTRATION_NUMBER');
    case 'PHONE_NUMBER': return t('finding.PHONE_NUMBER');
    case 'EMAIL': return t('finding.EMAIL');
    default: return String(category);
  }
}

/** The held poll's findings as one list of categories in words ("욕설, 정치"), each category once. */
function findingsWords(heldFor) {
  const categories = [...new Set((heldFor || []).map((f) => f.category))];
  return new Intl.ListFormat(formatLocale(), { type: 'conjunction' }).format(categories.map(findingWords));
}

/**
 * The short link of a poll (/p/{code}), absolute, on the address this page came from: with the site at the root
 * this is location.origin + '/p/' + code; resolved from this module's own address (m/views/) so it stays right
 * under a context path.
 */
function shareUrl(shortCode) {
  return new URL(`../../p/${enc(shortCode)}`, import.meta.url).href;
}

/** The share link as a link, with its copy button; ids {idPrefix} and copy-{idPrefix} unless given. */
function shareBox(shortCode, linkId, copyId) {
  const url = shareUrl(shortCode);
  const anchor = h('a', { id: linkId, class: 'share-link', href: url }, url);
  const copyButton = h('button', { type: 'button', id: copyId, class: 'secondary', 'aria-describedby': linkId }, t('share.copy'));
  copyButton.addEventListener('click', () => copyText(url, anchor, t('share.copied'), t('share.copyFailed')));
  return h('div', { class: 'share-box' }, h('p', { class: 'share-line' }, anchor), h('div', { class: 'actions' }, copyButton));
}

export async function citizenPollsPage() {
  const list = h('ul', { class: 'polls', id: 'citizen-poll-list', 'aria-labelledby': 'citizen-polls-heading' });
  const empty = h('p', { id: 'citizen-polls-empty', class: 'empty', hidden: true }, t('citizenPolls.empty'));
  const more = h('button', { type: 'button', id: 'more-citizen-polls', class: 'secondary', hidden: true }, t('home.more'));
  async function load(page) {
    const { data } = await request(`citizen-polls?page=${page}&size=${PAGE_SIZE}`);
    const now = Date.now();
    (data.items || []).forEach((poll) => list.append(pollItem(poll, Date.parse(poll.closesAt) - now < DAY_MS, 'citizen-poll-link')));
    empty.hidden = list.children.length > 0;
    more.hidden = (page + 1) * PAGE_SIZE >= data.total;
  }

  morePolls(more, load, () => list.children.length, () => list.querySelectorAll('a'));

  await load(0);
  return h('section', {},
    pageHead(t('citizenPolls.heading'), t('citizenPolls.intro'), { id: 'citizen-polls-heading' }),
    h('ul', { class: 'link-list' },
      h('li', {}, link('/citizen-polls/new', t('home.createPoll'), { id: 'directory-create-link' })),
      getToken() ? h('li', {}, link('/me/polls', t('home.myPolls'), { id: 'directory-my-polls-link' })) : null),
    empty, list, more,
    h('p', {}, link('/', t('common.backToPolls'))));
}

export function createdPage(id) {
  return signedInView({
    path: '/me/polls',
    // after a reload, or from a link kept, the answer of the POST is gone: my polls hold it
    load: async () => createdPolls.get(id) || (await myPolls()).find((p) => p.id === id),
    show: createdView,
  });
}

function createdView(poll) {
  if (!poll) {
    return errorView(t('error.notFound'), link('/me/polls', t('myPolls.heading')));
  }
  const open = poll.status === 'OPEN';
  const pending = poll.status === 'PENDING_APPROVAL';
  const status = h('div', { id: 'cp-status', class: open ? 'status-box ok' : 'status-box', 'data-status': poll.status },
    h('p', { class: 'status-words' }, open ? t('created.open') : pending ? t('created.pending') : t(`status.${poll.status}`)),
    pending ? h('p', { id: 'cp-held-for' }, t('created.heldFor', findingsWords(poll.heldFor))) : null);
  const shareHint = poll.visibility === 'PASSWORD' ? t('created.shareHint.PASSWORD')
    : poll.visibility === 'INVITE_ONLY' ? t('created.shareHint.INVITE_ONLY') : t('created.shareHint.PUBLIC');
  let share = null;
  if (poll.shortCode) {
    const url = shareUrl(poll.shortCode);
    const qr = qrSvg(url, t('created.qrLabel'));
    share = h('section', { id: 'cp-share', 'aria-labelledby': 'cp-share-heading' },
      h('h2', { id: 'cp-share-heading' }, t('created.shareHeading')),
      h('p', { class: 'hint' }, shareHint),
      pending ? h('p', { class: 'hint' }, t('created.shareWhenOpen')) : null,
      shareBox(poll.shortCode, 'cp-share-link', 'cp-copy-link'),
      qr ? h('figure', { id: 'cp-qr', class: 'qr' }, qr, h('figcaption', { class: 'hint' }, t('created.qrHint'))) : null);
  }
  return h('section', {},
    h('h1', {}, t('created.heading')),
    status,
    h('dl', { class: 'facts' },
      h('dt', {}, t('myPolls.title')), h('dd', { id: 'cp-created-title' }, poll.title),
      h('dt', {}, t('poll.who')), h('dd', {}, citizenVisibilityWords(poll.visibility)),
      h('dt', {}, t('myPolls.closes')), h('dd', {}, dateTime(poll.closesAt))),
    share,
    h('p', { class: 'actions' },
      open ? link(`/polls/${enc(poll.id)}`, t('created.openPoll'), { id: 'cp-open-poll' }) : null,
      link('/me/polls', t('myPolls.heading'), { id: 'cp-my-polls' }),
      link('/citizen-polls', t('citizenPolls.back'))));
}

/** The polls I made, all of them (a citizen makes a handful). */
export async function myPolls() {
  return (await request('citizen-polls/mine', { auth: true })).data || [];
}

export function myPollsPage() {
  return signedInView({ path: '/me/polls', load: myPolls, show: myPollsView });
}

function myPollsView(items) {
  const content = items.length === 0
    ? h('p', { id: 'my-polls-empty', class: 'notice' }, t('myPolls.empty'))
    : h('ul', { id: 'my-poll-list', class: 'history' }, items.map(myPollItem));
  return h('section', {},
    pageHead(t('myPolls.heading'), t('myPolls.intro')),
    h('ul', { class: 'link-list' }, h('li', {}, link('/citizen-polls/new', t('home.createPoll'), { id: 'my-polls-create-link' }))),
    content,
    pageFoot(link('/me', t('me.back'))));
}

/** One of my polls: what state it is in and why, its share link, and (open) a close button with a confirmation. */
function myPollItem(poll) {
  const item = h('li', { id: `my-poll-${poll.id}`, class: 'history-item' });
  fillMyPoll(item, poll);
  return item;
}

function fillMyPoll(item, poll) {
  const id = poll.id;
  item.dataset.status = poll.status;
  item.dataset.hidden = String(Boolean(poll.hidden));
  const removed = poll.status === 'REMOVED';
  const pending = poll.status === 'PENDING_APPROVAL';
  const published = poll.status === 'OPEN' || poll.status === 'CLOSED';
  const title = published && !poll.hidden
    ? h('p', { class: 'history-title' }, link(`/polls/${enc(id)}`, poll.title, { id: `my-poll-title-${id}` }))
    : h('p', { id: `my-poll-title-${id}`, class: 'history-title' }, poll.title);
  const statusWords = removed ? t('myPolls.removed', poll.removalReason || '')
    : pending ? t('created.pending') : t(`status.${poll.status}`);
  const notes = [];
  if (pending) {
    notes.push(h('p', { id: `my-poll-held-${id}`, class: 'hint' }, t('myPolls.heldFor', findingsWords(poll.heldFor))));
  }
  if (poll.hidden && !removed) {
    notes.push(h('p', { id: `my-poll-hidden-${id}`, class: 'notice' }, t('myPolls.hidden')));
  }

  let closeArea = null;
  if (poll.status === 'OPEN') {
    const closeButton = h('button', { type: 'button', id: `close-poll-${id}`, class: 'secondary danger' }, t('myPolls.close'));
    const confirmButton = h('button', { type: 'button', id: `confirm-close-${id}`, class: 'primary danger' }, t('myPolls.confirmClose'));
    const cancelButton = h('button', { type: 'button', id: `cancel-close-${id}`, class: 'secondary' }, t('myPolls.cancelClose'));
    const confirmHeading = h('h3', { id: `close-heading-${id}`, tabindex: '-1' }, t('myPolls.closeHeading'));
    const confirmBox = h('section', {
      id: `close-confirm-${id}`, class: 'confirm-box', hidden: true, 'aria-labelledby': `close-heading-${id}`,
    }, confirmHeading, h('p', {}, t('myPolls.closeText')), h('div', { class: 'actions' }, confirmButton, cancelButton));
    const buttons = h('div', { class: 'actions' }, closeButton);
    confirmStep(closeButton, cancelButton, buttons, confirmBox, confirmHeading);
    confirmButton.addEventListener('click', async () => {
      if (blocked(confirmButton)) {
        return;
      }
      block(confirmButton, true);
      try {
        const { data } = await request(`citizen-polls/${enc(id)}/close`, { method: 'POST', auth: true });
        fillMyPoll(item, data);
        say(t('myPolls.closed'));
        const status = document.getElementById(`my-poll-status-${id}`);
        if (status) {
          status.setAttribute('tabindex', '-1');
          status.focus(); // where the close button was: the new status, "closed"
        }
      } catch (error) {
        if (!signInAgain(error, '/me/polls')) {
          sayError(error); // e.g. closed in the meantime (409) or not mine any more (404)
        }
      } finally {
        block(confirmButton, false);
      }
    });
    closeArea = [buttons, confirmBox];
  }

  item.replaceChildren(...[
    title,
    h('dl', { class: 'facts' },
      h('dt', {}, t('myPolls.status')), h('dd', { id: `my-poll-status-${id}`, 'data-status': poll.status }, statusWords),
      h('dt', {}, t('poll.who')), h('dd', {}, citizenVisibilityWords(poll.visibility)),
      h('dt', {}, t('myPolls.closes')), h('dd', {}, dateTime(poll.closesAt))),
    ...notes,
    !removed && poll.shortCode ? shareBox(poll.shortCode, `share-link-${id}`, `copy-link-${id}`) : null,
    poll.visibility === 'INVITE_ONLY'
      ? h('ul', { class: 'link-list' }, h('li', {},
        link(`/me/polls/${enc(id)}/invitees`, t('myPolls.manageInvitees'), { id: `manage-invitees-${id}` })))
      : null,
    ...(closeArea || []),
  ].filter(Boolean)); // replaceChildren, unlike h, would write null and arrays out as text
}
