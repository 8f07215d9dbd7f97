// An on-site event on the phone: joining at the door (card code or SMS sign-in), and registering beforehand.

import { ApiError, getToken, request } from '../api.js';
import { block, blocked, clearMessage, enc, h, link, say, sayError } from '../dom.js';
import { NAME_LENGTH } from '../limits.js';
import { go, signedInView, signInAgain } from '../router.js';
import { keepEventPass, keptEventPass } from '../storage.js';
import { t } from '../texts.js';
import { eventLiveView } from './event-live.js';

/**
 * #/events/{joinCode}[?token=…]: a participant joins an on-site event with the secret code on their printed card
 * (the card's QR fills it in) or, when their phone is registered, with their SMS sign-in. The pass is kept for
 * this tab; once joined (or when the page is opened again with it), the page becomes the live screen. The same
 * card or phone is the same participant on any device.
 */
export async function eventJoinPage(joinCode, query) {
  const kept = keptEventPass(joinCode);
  if (kept) {
    return eventLiveView(joinCode, kept);
  }
  function joined(pass) {
    const stored = keepEventPass(joinCode, pass);
    if (!view.isConnected) {
      return; // left while the answer was on its way: the kept pass opens the live screen on coming back
    }
    const live = eventLiveView(joinCode, stored);
    view.replaceWith(live);
    const heading = live.querySelector('h1');
    heading.setAttribute('tabindex', '-1');
    heading.focus(); // the form that had the focus is gone
    say(t('event.joined'));
  }
  const tokenInput = h('input', { id: 'event-token', autocomplete: 'off', autocapitalize: 'characters',
    spellcheck: 'false', maxlength: '16', 'aria-describedby': 'event-token-hint' });
  tokenInput.value = query.get('token') || '';
  const tokenButton = h('button', { type: 'submit', id: 'event-join-token', class: 'primary' }, t('event.joinWithToken'));
  const tokenForm = h('form', { id: 'event-token-form', novalidate: true },
    h('label', { for: 'event-token' }, t('event.token')), tokenInput,
    h('p', { id: 'event-token-hint', class: 'hint' }, t('event.tokenHint')), tokenButton);
  tokenForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (blocked(tokenButton)) {
      return;
    }
    if (!tokenInput.value.trim()) {
      say(t('event.tokenMissing'), 'error');
      tokenInput.focus();
      return;
    }
    block(tokenButton, true);
    try {
      const { data } = await request(`events/${enc(joinCode)}/join-with-token`, {
        method: 'POST', body: { token: tokenInput.value.trim() },
      });
      clearMessage();
      joined(data);
    } catch (error) {
      sayError(error);
    } finally {
      block(tokenButton, false);
    }
  });
  const phoneButton = h('button', { type: 'button', id: 'event-join-phone', class: 'secondary' }, t('event.joinWithPhone'));
  phoneButton.addEventListener('click', async () => {
    if (!getToken()) {
      go(`/login?next=/events/${joinCode}`, { text: t('event.signInFirst') });
      return;
    }
    if (blocked(phoneButton)) {
      return;
    }
    block(phoneButton, true);
    try {
      const { data } = await request(`events/${enc(joinCode)}/join-with-phone`, { method: 'POST', auth: true });
      clearMessage();
      joined(data);
    } catch (error) {
      sayError(error);
    } finally {
      block(phoneButton, false);
    }
  });
  const view = h('section', {},
    h('h1', {}, t('event.heading')),
    h('p', { class: 'facts-line' }, t('event.code'), ' ', h('strong', { id: 'event-code' }, joinCode)),
    tokenForm,
    h('h2', {}, t('event.orPhone')),
    h('p', { class: 'hint' }, t('event.phoneHint')),
    h('p', { class: 'actions' }, phoneButton),
    h('p', {}, link(`/events/${joinCode}/register`, t('eventRegister.link'), { id: 'event-register-link' })));
  return view;
}

const REGISTRATION_STATUSES = ['PENDING', 'APPROVED', 'DECLINED'];

/** A registration's state as the citizen reads it; approved links to the event's join page. */
function eventRegistrationBox(joinCode, registration) {
  const status = REGISTRATION_STATUSES.includes(registration.status) ? registration.status : 'PENDING';
  const words = {
    PENDING: t('eventRegister.pending'),
    APPROVED: t('eventRegister.approved'),
    DECLINED: t('eventRegister.declined'),
  }[status];
  return h('div', { id: 'event-registration', class: `status-box${status === 'APPROVED' ? ' ok' : ''}`,
    'data-status': status },
  h('p', { class: 'status-words' }, words),
  h('p', {}, t('eventRegister.name'), ': ', registration.name,
    registration.group ? ` · ${registration.group}` : ''),
  status === 'APPROVED'
    ? h('p', {}, link(`/events/${joinCode}`, t('eventRegister.toJoin'), { id: 'event-register-join' }))
    : null);
}

/**
 * #/events/{joinCode}/register: the link the city shares before the event. A citizen signed in by SMS asks to
 * take part (name, and a group or table if any); an operator approves or declines. Asking again shows the request.
 */
export function eventRegisterPage(joinCode) {
  const path = `/events/${joinCode}/register`;
  return signedInView({
    path,
    why: t('eventRegister.signInFirst'),
    load: async () => {
      try {
        return (await request(`events/${enc(joinCode)}/registrations/mine`, { auth: true })).data;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404 && error.code === 'event-registration-not-found') {
          return null; // no request yet is the form; an unknown event (event-not-found) or anything else a refusal
        }
        throw error;
      }
    },
    show: (mine) => eventRegisterView(joinCode, path, mine),
  });
}

function eventRegisterView(joinCode, path, mine) {
  const heading = h('h1', {}, t('eventRegister.heading'));
  const codeLine = h('p', { class: 'facts-line' }, t('event.code'), ' ', h('strong', { id: 'event-code' }, joinCode));
  if (mine) {
    return h('section', {}, heading, codeLine, eventRegistrationBox(joinCode, mine));
  }

  const intro = h('p', { class: 'hint' }, t('eventRegister.intro'));
  const nameInput = h('input', { id: 'event-register-name', name: 'name', autocomplete: 'name', maxlength: String(NAME_LENGTH),
    required: true });
  const groupInput = h('input', { id: 'event-register-group', name: 'group', autocomplete: 'off', maxlength: String(NAME_LENGTH),
    'aria-describedby': 'event-register-group-hint' });
  const submit = h('button', { type: 'submit', id: 'event-register-submit', class: 'primary' }, t('eventRegister.submit'));
  const form = h('form', { id: 'event-register-form', novalidate: true },
    h('label', { for: 'event-register-name' }, t('eventRegister.name')), nameInput,
    h('label', { for: 'event-register-group' }, t('eventRegister.group')),
    h('p', { id: 'event-register-group-hint', class: 'hint' }, t('eventRegister.groupHint')), groupInput,
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (blocked(submit)) {
      return;
    }
    const name = nameInput.value.trim();
    if (!name) {
      say(t('eventRegister.nameMissing'), 'error');
      nameInput.focus();
      return;
    }
    block(submit, true);
    try {
      const { data } = await request(`events/${enc(joinCode)}/registrations`, {
        method: 'POST', auth: true, body: { name, group: groupInput.value.trim() || null },
      });
      if (!view.isConnected) {
        return;
      }
      const box = eventRegistrationBox(joinCode, data);
      form.replaceWith(box);
      intro.hidden = true;
      heading.setAttribute('tabindex', '-1');
      heading.focus(); // the form that had the focus is gone
      say(box.querySelector('.status-words').textContent);
    } catch (error) {
      if (!signInAgain(error, path)) {
        sayError(error);
      }
    } finally {
      block(submit, false);
    }
  });
  const view = h('section', {}, heading, codeLine, intro, form);
  return view;
}
