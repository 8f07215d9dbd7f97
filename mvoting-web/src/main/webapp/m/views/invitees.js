// The people invited to an invite-only poll of mine: the list (masked), adding numbers, sending the invitations.

import { ApiError, request } from '../api.js';
import { block, blocked, enc, fieldError, h, link, pageFoot, pageHead, say, sayError, showFieldError } from '../dom.js';
import { errorView, signedInView, signInAgain } from '../router.js';
import { t } from '../texts.js';
import { myPolls } from './citizen-polls.js';
import { MAX_INVITEES } from '../limits.js';

const INVITEES_PAGE = 200; // the server's largest page; a citizen's list is a few hundred numbers at most
const INVITEES_MAX_PAGES = 25;
const REFRESH_EVERY_MS = 2000;
const REFRESH_FOR_MS = 30000;

/** A number as the server reads it (PhoneNumber.parse), in E.164; null for anything it would refuse. */
function phoneE164(typed) {
  if (typeof typed !== 'string' || typed.length > 32) {
    return null;
  }
  let compact = typed.trim().replace(/[\s().-]/g, '');
  if (compact.startsWith('00')) {
    compact = `+${compact.slice(2)}`;
  }
  if (/^0[0-9]{9,10}$/.test(compact)) {
    compact = `+82${compact.slice(1)}`;
  } else if (/^82[0-9]{9,11}$/.test(compact)) {
    compact = `+${compact}`;
  }
  if (compact.startsWith('+820')) {
    compact = `+82${compact.slice(4)}`;
  }
  if (!/^\+[1-9][0-9]{7,14}$/.test(compact)) {
    return null;
  }
  if (compact.startsWith('+82') && !/^(\+8210[0-9]{8}|\+821[16-9][0-9]{7,8})$/.test(compact)) {
    return null; // a Korean number must be a mobile one: invitations go out by SMS
  }
  return compact;
}

/**
 * Typed or pasted numbers: entries split by lines, commas or semicolons, and within an entry by spaces, where
 * spaced groups that make one number together ("010 1234 5678", "+82 10 1234 5678") count as one.
 * Returns {phones: distinct E.164 numbers, invalid: the entries that are no number, as typed}.
 */
function readPhones(text) {
  const phones = [];
  const invalid = [];
  const keep = (phone) => {
    if (!phones.includes(phone)) {
      phones.push(phone);
    }
  };
  for (const chunk of text.split(/[\n\r,;]+/).map((c) => c.trim()).filter((c) => c !== '')) {
    const whole = phoneE164(chunk);
    if (whole) {
      keep(whole);
      continue;
    }
    let groups = [];
    const giveUp = () => {
      if (groups.length > 0) {
        invalid.push(groups.join(' '));
        groups = [];
      }
    };
    for (const token of chunk.split(/\s+/)) {
      if (!/^\+?[0-9().-]+$/.test(token)) {
        giveUp();
        invalid.push(token);
        continue;
      }
      const alone = groups.length > 0 ? phoneE164(token) : null;
      if (alone) {
        giveUp(); // what came before was not a number; this one is
        keep(alone);
        continue;
      }
      groups.push(token);
      const joined = phoneE164(groups.join(''));
      if (joined) {
        keep(joined);
        groups = [];
      } else if (groups.join('').replace(/[^0-9]/g, '').length > 15) {
        giveUp();
      }
    }
    giveUp();
  }
  return { phones, invalid };
}

function invitationStateWords(state) {
  switch (state) {
    case 'QUEUED': return t('invitees.state.QUEUED');
    case 'SENT': return t('invitees.state.SENT');
    case 'FAILED': return t('invitees.state.FAILED');
    default: return t('invitees.state.NOT_INVITED');
  }
}

function invitationFailureWords(failure) {
  switch (failure) {
    case 'per-number-limit': return t('invitees.failure.per-number-limit');
    case 'opted-out': return t('invitees.failure.opted-out');
    case 'sms-country-not-allowed': return t('invitees.failure.sms-country-not-allowed');
    case 'sms-budget-used-up': return t('invitees.failure.sms-budget-used-up');
    default: return t('invitees.failure.delivery-failed');
  }
}

/** The whole list of a poll's invitees (masked), page by page: {items, total}. */
async function allInvitees(pollId) {
  const items = [];
  let total = 0;
  for (let page = 0; page < INVITEES_MAX_PAGES; page++) {
    const { data } = await request(`citizen-polls/${enc(pollId)}/invitees?page=${page}&size=${INVITEES_PAGE}`, { auth: true });
    const got = Array.isArray(data.items) ? data.items : [];
    items.push(...got);
    total = Number(data.total) || 0;
    if (got.length < INVITEES_PAGE || items.length >= total) {
      break;
    }
  }
  return { items, total: Math.max(total, items.length) };
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function inviteesPage(id) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
    return errorView(t('error.notFound'), link('/me/polls', t('myPolls.heading')));
  }
  const path = `/me/polls/${id}/invitees`;
  return signedInView({
    path,
    load: async () => {
      try {
        const poll = (await myPolls()).find((p) => p.id === id);
        return { poll, first: poll && poll.visibility === 'INVITE_ONLY' ? await allInvitees(id) : undefined };
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          return { poll: null };
        }
        throw error;
      }
    },
    show: ({ poll, first }) => inviteesView(id, path, poll, first),
  });
}

function inviteesView(id, path, poll, first) {
  if (!poll) {
    return errorView(t('error.notFound'), link('/me/polls', t('myPolls.heading')));
  }
  if (poll.visibility !== 'INVITE_ONLY' || !first) {
    return errorView(t('invitees.notInviteOnly'), link('/me/polls', t('myPolls.heading')));
  }

  // ---- how the invitations stand: counted from the list (there is no GET of the progress for citizens)
  const countCells = {
    listed: h('dd', { id: 'inv-listed' }),
    NOT_INVITED: h('dd', { id: 'inv-not-invited' }),
    QUEUED: h('dd', { id: 'inv-queued' }),
    SENT: h('dd', { id: 'inv-sent' }),
    FAILED: h('dd', { id: 'inv-failed' }),
  };
  const progress = h('section', { id: 'inv-progress', 'aria-labelledby': 'inv-progress-heading' },
    h('h2', { id: 'inv-progress-heading' }, t('invitees.progressHeading')),
    h('dl', { class: 'facts counts' },
      h('dt', {}, t('invitees.listed')), countCells.listed,
      h('dt', {}, t('invitees.state.NOT_INVITED')), countCells.NOT_INVITED,
      h('dt', {}, t('invitees.state.QUEUED')), countCells.QUEUED,
      h('dt', {}, t('invitees.state.SENT')), countCells.SENT,
      h('dt', {}, t('invitees.state.FAILED')), countCells.FAILED));

  // ---- the list, masked as the server sends it
  const list = h('ul', { id: 'invitee-list', class: 'invitees', 'aria-labelledby': 'invitee-list-heading' });
  const empty = h('p', { id: 'invitee-list-empty', class: 'empty', hidden: true }, t('invitees.empty'));
  let counts = { listed: 0, NOT_INVITED: 0, QUEUED: 0, SENT: 0, FAILED: 0 };

  function show({ items, total }) {
    counts = { listed: total, NOT_INVITED: 0, QUEUED: 0, SENT: 0, FAILED: 0 };
    list.replaceChildren(...items.map((item, i) => {
      const state = ['QUEUED', 'SENT', 'FAILED'].includes(item.invitation) ? item.invitation : 'NOT_INVITED';
      counts[state] += 1;
      return h('li', { id: `invitee-${i + 1}`, class: `invitee ${state.toLowerCase()}`, 'data-state': state },
        h('span', { class: 'invitee-phone' }, String(item.phone || '-')),
        h('span', { class: 'invitee-state' }, invitationStateWords(state)),
        state === 'FAILED' ? h('span', { class: 'invitee-failure' }, invitationFailureWords(item.failure)) : null);
    }));
    empty.hidden = items.length > 0;
    Object.entries(countCells).forEach(([key, cell]) => {
      cell.textContent = String(counts[key]);
    });
  }
  show(first);

  async function refresh() {
    show(await allInvitees(id));
  }

  // ---- adding people
  const closed = poll.status === 'CLOSED' || poll.status === 'REMOVED';
  const numbersInput = h('textarea', {
    id: 'invitee-numbers', name: 'invitees', rows: '4', autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'invitee-numbers-hint invitee-numbers-error',
  });
  const numbersError = fieldError('invitee-numbers');
  const addButton = h('button', { type: 'submit', id: 'invitee-add', class: 'primary' }, t('invitees.add'));
  const showNumbersError = (message) => showFieldError(numbersError, numbersInput, message);
  numbersInput.addEventListener('input', () => showNumbersError(null));
  const addForm = h('form', { id: 'invitee-add-form', novalidate: true },
    h('label', { for: 'invitee-numbers' }, t('invitees.numbers')),
    h('p', { id: 'invitee-numbers-hint', class: 'hint' }, t('invitees.numbersHint', MAX_INVITEES)),
    numbersInput, numbersError,
    h('div', { class: 'actions' }, addButton));
  addForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (blocked(addButton)) {
      return;
    }
    const { phones, invalid } = readPhones(numbersInput.value);
    const invalidText = invalid.length > 0
      ? t('invitees.invalid', invalid.length, invalid.slice(0, 5).join(', ') + (invalid.length > 5 ? ', …' : '')) : null;
    const problem = phones.length === 0 ? (invalidText || t('invitees.numbersRequired'))
      : phones.length > MAX_INVITEES ? t('create.inviteesTooMany', MAX_INVITEES) : null;
    if (problem) {
      showNumbersError(problem);
      say(problem, 'error');
      numbersInput.focus();
      return;
    }
    showNumbersError(null);
    const before = counts.listed;
    block(addButton, true);
    try {
      const { data } = await request(`citizen-polls/${enc(id)}/invitees`, {
        method: 'POST', body: { phones }, auth: true,
      });
      const listed = Number(data && data.listed) || 0;
      const added = Math.max(0, listed - before);
      // what was added leaves the box; what could not be read stays there to be corrected
      numbersInput.value = invalid.join('\n');
      try {
        await refresh();
      } catch (error) {
        console.error(error); // the numbers were added; the list shows them on the next visit
      }
      const words = [t('invitees.added', added, listed)];
      if (phones.length > added) {
        words.push(t('invitees.alreadyListed', phones.length - added));
      }
      if (invalidText) {
        words.push(invalidText);
        showNumbersError(invalidText);
        say(words.join(' '), 'error');
        numbersInput.focus();
      } else {
        say(words.join(' '));
      }
    } catch (error) {
      if (signInAgain(error, path)) {
        return;
      }
      sayError(error);
      if (error instanceof ApiError && (error.code === 'phone-invalid' || error.status === 400 || error.status === 422)) {
        showNumbersError(error.message); // e.g. a number the page let through and the server refused: nothing was added
        numbersInput.focus();
      }
    } finally {
      block(addButton, false);
    }
  });
  const addSection = closed ? null : h('section', { id: 'invitee-add-section', 'aria-labelledby': 'invitee-add-heading' },
    h('h2', { id: 'invitee-add-heading' }, t('invitees.addHeading')),
    addForm);

  // ---- sending the invitations
  const canSend = poll.status === 'OPEN' && !poll.hidden;
  const sendButton = h('button', {
    type: 'button', id: 'send-invitations', class: 'primary', 'aria-describedby': 'send-invitations-hint',
  }, t('invitees.send'));
  sendButton.addEventListener('click', async () => {
    if (blocked(sendButton)) {
      return;
    }
    block(sendButton, true);
    try {
      const { data } = await request(`citizen-polls/${enc(id)}/invitations`, { method: 'POST', auth: true });
      const queued = Number(data && data.queued) || 0;
      if (queued === 0) {
        await refresh().catch((error) => console.error(error));
        say(t('invitees.nothingToSend'));
        return;
      }
      say(t('invitees.sending', queued));
      // the SMS go out through the outbox in the background: look again every 2 s while some wait, for 30 s at most
      const until = Date.now() + REFRESH_FOR_MS;
      let waiting = queued;
      do {
        await sleep(REFRESH_EVERY_MS);
        if (!list.isConnected) {
          return; // the person left this page
        }
        try {
          await refresh();
          waiting = counts.QUEUED;
        } catch (error) {
          console.error(error); // try again at the next turn
        }
      } while (waiting > 0 && Date.now() < until);
      if (!list.isConnected) {
        return;
      }
      say(waiting > 0 ? t('invitees.stillSending') : t('invitees.sentResult', counts.SENT, counts.FAILED));
    } catch (error) {
      if (!signInAgain(error, path)) {
        sayError(error); // 429: the daily limit, the whole batch refused, in the server's words; 422: not open
      }
    } finally {
      block(sendButton, false);
    }
  });
  const sendSection = h('section', { id: 'send-section', 'aria-labelledby': 'send-heading' },
    h('h2', { id: 'send-heading' }, t('invitees.sendHeading')),
    h('p', { id: 'send-invitations-hint', class: 'hint' }, t('invitees.sendHint')),
    canSend ? h('div', { class: 'actions' }, sendButton)
      : h('p', { id: 'send-when-open', class: 'notice' }, t('invitees.sendWhenOpen')));

  return h('section', {},
    pageHead([h('span', { class: 'eyebrow' }, t('invitees.eyebrow')), ' ', poll.title], t('invitees.intro'),
      { id: 'invitees-heading' }),
    progress,
    addSection,
    sendSection,
    h('section', { id: 'invitee-list-section', 'aria-labelledby': 'invitee-list-heading' },
      h('h2', { id: 'invitee-list-heading' }, t('invitees.listHeading')),
      h('p', { class: 'hint' }, t('invitees.listHint')),
      empty, list),
    pageFoot(link('/me/polls', t('myPolls.heading'), { id: 'invitees-my-polls' })));
}
