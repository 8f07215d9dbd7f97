// The open polls (home, with the way into citizens' polls), one poll's page, and reporting a citizen's poll.

import { getToken, request } from '../api.js';
import { block, blocked, clearMessage, enc, fieldError, h, link, pageFoot, pageHead, say, sayError } from '../dom.js';
import { REPORT_REASONS } from '../enums.js';
import { dateTime, fromNow, number } from '../format.js';
import { go, signInAgain } from '../router.js';
import { receipts } from '../storage.js';
import { t } from '../texts.js';
import { panelInvite } from './profile.js';
import { selectionHint } from './vote.js';

/** A poll closing within a day is "closing soon". */
export const DAY_MS = 24 * 60 * 60 * 1000;
export const PAGE_SIZE = 20;

export async function home() {
  const soonList = h('ul', { class: 'polls', id: 'closing-soon-list' });
  const restList = h('ul', { class: 'polls', id: 'poll-list' });
  const soonSection = h('section', { 'aria-labelledby': 'closing-soon-heading', hidden: true },
    h('h2', { id: 'closing-soon-heading' }, t('home.closingSoon')),
    h('p', { class: 'hint' }, t('home.closingSoonHint')),
    soonList);
  const restHeading = h('h2', { id: 'poll-list-heading' }, t('home.allPolls'));
  const restSection = h('section', { 'aria-labelledby': 'poll-list-heading', hidden: true }, restHeading, restList);
  const empty = h('p', { class: 'empty', hidden: true }, t('home.empty'));
  const more = h('button', { type: 'button', id: 'more-polls', class: 'secondary', hidden: true }, t('home.more'));

  function add(items) {
    const now = Date.now();
    for (const poll of items) {
      const soon = Date.parse(poll.closesAt) - now < DAY_MS;
      (soon ? soonList : restList).append(pollItem(poll, soon));
    }
    soonSection.hidden = soonList.children.length === 0;
    restSection.hidden = restList.children.length === 0;
    restHeading.textContent = soonSection.hidden ? t('home.allPolls') : t('home.otherPolls');
    empty.hidden = soonList.children.length + restList.children.length > 0;
  }

  async function load(page) {
    const { data } = await request(`polls?page=${page}&size=${PAGE_SIZE}`);
    add(data.items || []);
    more.hidden = (page + 1) * PAGE_SIZE >= data.total;
  }

  morePolls(more, load, () => soonList.children.length + restList.children.length,
    () => document.getElementById('view').querySelectorAll('.polls a'));

  // signed in: the polls that list my phone and still wait for my vote come first
  const invitedList = h('ul', { class: 'polls', id: 'invited-list' });
  const invitedSection = h('section', { 'aria-labelledby': 'invited-heading', hidden: true },
    h('h2', { id: 'invited-heading' }, t('home.invited')),
    h('p', { class: 'hint' }, t('home.invitedHint')),
    invitedList);
  const invited = getToken() ? request('me/invitations', { auth: true }).catch(() => null) : null;

  await load(0);
  const mine = invited ? await invited : null;
  if (mine && Array.isArray(mine.data) && mine.data.length > 0) {
    const now = Date.now();
    mine.data.forEach((poll) => invitedList.append(pollItem(poll, Date.parse(poll.closesAt) - now < DAY_MS, 'invited-link')));
    invitedSection.hidden = false;
  }
  // citizens ask citizens: the directory for everyone; making a poll and my polls once signed in
  const signedIn = getToken() !== null;
  const citizenEntry = h('section', { id: 'citizen-entry', class: 'me-card', 'aria-labelledby': 'citizen-entry-heading' },
    h('h2', { id: 'citizen-entry-heading' }, t('home.citizenHeading')),
    h('p', { class: 'hint' }, t('home.citizenHint')),
    h('ul', { class: 'link-list' },
      h('li', {}, link('/citizen-polls', t('home.citizenDirectory'), { id: 'citizen-polls-link' })),
      signedIn ? h('li', {}, link('/citizen-polls/new', t('home.createPoll'), { id: 'create-poll-link' })) : null,
      signedIn ? h('li', {}, link('/me/polls', t('home.myPolls'), { id: 'my-polls-link' })) : null));
  return h('section', {},
    pageHead(t('home.heading'), t('home.intro')),
    invitedSection, empty, soonSection, restSection, more, citizenEntry, panelInvite());
}

/**
 * The "more polls" button of a list: each press loads the next page ({@code load(page)} shows it and sets whether
 * more remain) and moves the focus to the first poll it added (the {@code count()}th of {@code links()});
 * a failed page is said and can be asked for again.
 */
export function morePolls(more, load, count, links) {
  let page = 0;
  more.addEventListener('click', async () => {
    if (blocked(more)) {
      return;
    }
    block(more, true);
    const firstNew = count();
    page += 1;
    try {
      await load(page);
      const listed = links();
      if (listed[firstNew]) {
        listed[firstNew].focus(); // straight to the first poll that was added
      }
    } catch (error) {
      page -= 1;
      sayError(error);
    } finally {
      block(more, false);
    }
  });
}

export function pollItem(poll, soon, idPrefix = 'poll-link') {
  return h('li', { class: soon ? 'poll soon' : 'poll' },
    h('a', { id: `${idPrefix}-${poll.id}`, href: `#/polls/${enc(poll.id)}` },
      h('span', { class: 'poll-title' }, poll.title),
      h('span', { class: 'poll-meta' }, poll.kind === 'CITIZEN_TO_CITIZEN' ? t('poll.byCitizen') : poll.department),
      h('span', { class: 'poll-meta' },
        t('home.closes', dateTime(poll.closesAt)), soon ? ` (${fromNow(poll.closesAt)})` : '')));
}

/** One poll; {@code ?from=city-hall} (the city-hall QR code) also offers joining the citizen panel. */
export async function pollPage(id, query) {
  const { data: poll } = await request(`polls/${enc(id)}`);
  const receipt = receipts()[poll.id];
  const actions = h('div', { class: 'actions' });
  if (poll.status === 'OPEN' && poll.minimumAssurance === 'CERTIFICATE') {
    // the browser cannot sign a challenge with the citizen's certificate key: the city's app votes (POST /auth/certificate-tokens)
    actions.append(h('p', { id: 'certificate-notice', class: 'notice' }, t('poll.certificateNotSupported')));
  } else if (poll.status === 'OPEN') {
    const signedIn = getToken() !== null;
    const deviceLevel = poll.minimumAssurance === 'DEVICE';
    actions.append(h('button', {
      type: 'button', id: 'vote-button', class: 'primary', 'aria-describedby': signedIn ? null : 'vote-login-hint',
      onclick: () => {
        if (getToken() || deviceLevel) {
          go(`/polls/${poll.id}/vote`);
        } else {
          go(`/login?next=/polls/${poll.id}`, { text: t('login.forVote') });
        }
      },
    }, t('poll.vote')));
    if (!signedIn) {
      actions.append(h('p', { id: 'vote-login-hint', class: 'hint' },
        deviceLevel ? t('poll.deviceVote') : t('poll.loginNeeded')));
    }
    if (poll.audience === 'PASSWORD') {
      actions.append(h('p', { id: 'poll-password-notice', class: 'hint' }, t('poll.passwordNeeded')));
    }
    if (poll.mileageWon > 0) {
      // signed out (a device-level vote) earns nothing, and the vote cannot be repeated signed in: say so first
      actions.append(h('p', { id: 'poll-mileage', class: 'hint' }, t('poll.mileage', number(poll.mileageWon))));
    }
  } else {
    actions.append(h('p', { class: 'notice' }, t('poll.notOpen')));
  }
  if (receipt) {
    actions.append(link(`/polls/${poll.id}/receipt/${enc(receipt)}`, t('poll.myReceipt'), { id: 'my-receipt-link' }));
  }
  actions.append(link(`/polls/${poll.id}/results`, t('poll.results'), { id: 'results-link' }));

  const citizens = poll.kind === 'CITIZEN_TO_CITIZEN';
  const who = poll.audience === 'PASSWORD' ? t('poll.audiencePassword')
    : poll.audience === 'LISTED' ? t('poll.audienceListed') : null;
  return h('article', {},
    h('h1', {}, poll.title),
    h('dl', { class: 'facts' },
      citizens ? [h('dt', {}, t('poll.madeBy')), h('dd', { id: 'poll-made-by' }, t('poll.byCitizen'))]
        : [h('dt', {}, t('poll.department')), h('dd', {}, poll.department)],
      h('dt', {}, t('poll.period')),
      h('dd', { id: 'poll-period', 'data-closes-at': poll.closesAt }, t('poll.periodValue', dateTime(poll.opensAt), dateTime(poll.closesAt))),
      h('dt', {}, t('poll.status')), h('dd', { id: 'poll-status' }, t(`status.${poll.status}`)),
      who ? [h('dt', {}, t('poll.who')), h('dd', { id: 'poll-audience', 'data-audience': poll.audience }, who)] : null,
      h('dt', {}, t('poll.visibility')), h('dd', {}, t(`visibility.${poll.resultsVisibility}`))),
    poll.description ? h('p', { class: 'description' }, poll.description) : null,
    h('h2', {}, t('poll.questions')),
    h('ol', { class: 'questions' }, poll.questions.map((q, i) => h('li', { id: `question-${i + 1}` },
      h('h3', {}, q.text),
      h('p', { class: 'hint' }, `${t(`qtype.${q.type}`)} · ${selectionHint(q)}`),
      h('ul', { class: 'options', 'aria-label': t('poll.options') }, q.options.map((o) => h('li', {}, o.label)))))),
    actions,
    citizens ? reportSection(poll) : null,
    query && query.get('from') === 'city-hall' ? panelInvite() : null,
    pageFoot(citizens ? link('/citizen-polls', t('citizenPolls.back')) : null));
}

function reportReasonWords(reason) {
  switch (reason) {
    case 'ABUSIVE': return t('report.reason.ABUSIVE');
    case 'PERSONAL_INFORMATION': return t('report.reason.PERSONAL_INFORMATION');
    case 'POLITICAL': return t('report.reason.POLITICAL');
    case 'COMMERCIAL': return t('report.reason.COMMERCIAL');
    case 'SPAM': return t('report.reason.SPAM');
    default: return t('report.reason.OTHER');
  }
}

/** "Report this poll" under a citizen's poll: a reason and a few optional words, signed in (one report per person). */
function reportSection(poll) {
  const back = `/polls/${poll.id}`;
  const openButton = h('button', {
    type: 'button', id: 'report-button', class: 'secondary danger', 'aria-expanded': 'false', 'aria-controls': 'report-form',
  }, t('report.button'));
  const reasonInputs = REPORT_REASONS.map((r) => h('input', {
    type: 'radio', id: `report-reason-${r}`, name: 'report-reason', value: r,
  }));
  const reasonError = fieldError('report-reason');
  const reasonSet = h('fieldset', { id: 'report-reasons', class: 'group', 'aria-describedby': 'report-reason-error' },
    h('legend', {}, t('report.reason')),
    reasonError,
    h('div', { class: 'choices-list' }, REPORT_REASONS.map((r, i) => h('div', { class: 'choice' },
      reasonInputs[i], h('label', { for: `report-reason-${r}` }, reportReasonWords(r))))));
  const detail = h('textarea', { id: 'report-detail', name: 'detail', rows: '3', maxlength: '500', 'aria-describedby': 'report-detail-hint' });
  const submitButton = h('button', { type: 'submit', id: 'report-submit', class: 'primary danger' }, t('report.submit'));
  const cancelButton = h('button', { type: 'button', id: 'report-cancel', class: 'secondary' }, t('report.cancel'));
  const formHeading = h('h3', { id: 'report-heading', tabindex: '-1' }, t('report.heading'));
  const form = h('form', { id: 'report-form', class: 'confirm-box', novalidate: true, hidden: true, 'aria-labelledby': 'report-heading' },
    formHeading,
    h('p', { class: 'hint' }, t('report.intro')),
    reasonSet,
    h('label', { for: 'report-detail' }, t('report.detail')),
    h('p', { id: 'report-detail-hint', class: 'hint' }, t('report.detailHint')),
    detail,
    h('div', { class: 'actions' }, submitButton, cancelButton));
  const done = h('p', { id: 'report-done', class: 'notice', tabindex: '-1', hidden: true }, t('report.done'));

  function showReasonError(text) {
    reasonError.textContent = text || '';
    reasonError.hidden = !text;
    reasonSet.classList.toggle('invalid', Boolean(text));
  }

  reasonSet.addEventListener('change', () => showReasonError(null));

  function closeForm() {
    form.hidden = true;
    openButton.setAttribute('aria-expanded', 'false');
  }

  openButton.addEventListener('click', () => {
    if (!getToken()) {
      go(`/login?next=${back}`, { text: t('login.forReport') });
      return;
    }
    if (!form.hidden) {
      closeForm();
      return;
    }
    clearMessage();
    form.hidden = false;
    openButton.setAttribute('aria-expanded', 'true');
    formHeading.focus();
  });

  cancelButton.addEventListener('click', () => {
    closeForm();
    showReasonError(null);
    openButton.focus();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (blocked(submitButton)) {
      return;
    }
    const chosen = reasonInputs.find((i) => i.checked);
    if (!chosen) {
      showReasonError(t('report.reasonRequired'));
      say(t('report.reasonRequired'), 'error');
      reasonInputs[0].focus();
      return;
    }
    showReasonError(null);
    const words = detail.value.trim();
    block(submitButton, true);
    try {
      await request(`citizen-polls/${enc(poll.id)}/reports`, {
        method: 'POST', body: { reason: chosen.value, detail: words || undefined }, auth: true,
      });
      closeForm();
      openButton.hidden = true; // one report per person and poll: a second one would say nothing new
      done.hidden = false;
      say(t('report.done'));
      done.focus();
    } catch (error) {
      if (!signInAgain(error, back)) {
        sayError(error);
      }
    } finally {
      block(submitButton, false);
    }
  });

  return h('section', { id: 'report-section', class: 'report', 'aria-labelledby': 'report-section-heading' },
    h('h2', { id: 'report-section-heading' }, t('report.sectionHeading')),
    h('p', { class: 'hint' }, t('report.sectionHint')),
    openButton, form, done);
}
