// Signing in with a phone number and the code sent to it by SMS, then back to where the person was going.

import { getToken, request, saveToken } from '../api.js';
import { block, blocked, h, link, pageFoot, pageHead, say, sayError } from '../dom.js';
import { go, nextLabel, safeNext } from '../router.js';
import { t } from '../texts.js';
import { panelInvite } from './profile.js';

export async function login(query) {
  const next = safeNext(query.get('next'));
  if (getToken()) {
    return h('section', {},
      h('h1', {}, t('login.heading')),
      h('p', {}, t('login.already')),
      query.get('from') === 'city-hall' && !next ? panelInvite() : null,
      pageFoot(next ? link(next, nextLabel(next)) : null));
  }
  let phone = null;
  let maskedPhone = null; // as the server wrote it (010-****-5678): the only form of the number that is kept

  const phoneInput = h('input', {
    id: 'phone', name: 'phone', type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: '32',
    required: true, 'aria-describedby': 'phone-hint',
  });
  const sendButton = h('button', { type: 'submit', id: 'send-code' }, t('login.sendCode'));
  const sendWait = h('p', { id: 'send-wait', class: 'hint', hidden: true });
  const phoneForm = h('form', { id: 'phone-form', novalidate: true },
    h('label', { for: 'phone' }, t('login.phone')),
    h('p', { id: 'phone-hint', class: 'hint' }, t('login.phoneHint')),
    phoneInput, sendButton, sendWait);

  const codeInput = h('input', {
    id: 'code', name: 'code', type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '6',
    pattern: '[0-9]{6}', required: true, 'aria-describedby': 'code-hint',
  });
  const verifyButton = h('button', { type: 'submit', id: 'verify-code' }, t('login.verify'));
  const resendButton = h('button', { type: 'button', id: 'resend-code', class: 'secondary' }, t('login.resend'));
  const resendWait = h('p', { id: 'resend-wait', class: 'hint', hidden: true });
  const verifyWait = h('p', { id: 'verify-wait', class: 'hint', hidden: true });
  const changeButton = h('button', { type: 'button', id: 'change-phone', class: 'secondary' }, t('login.changePhone'));
  const codeForm = h('form', { id: 'code-form', novalidate: true, hidden: true },
    h('label', { for: 'code' }, t('login.code')),
    h('p', { id: 'code-hint', class: 'hint' }, t('login.codeHint')),
    codeInput, verifyButton, verifyWait,
    h('div', { class: 'actions' }, resendButton, changeButton),
    resendWait);

  /** Blocks button for seconds, with a visible countdown in note (not announced every second: that would drown a screen reader). */
  function wait(button, note, seconds, words) {
    let left = Math.max(0, Math.ceil(Number(seconds) || 0));
    if (left === 0) {
      return;
    }
    block(button, true);
    note.hidden = false;
    note.textContent = words(left);
    const timer = window.setInterval(() => {
      left -= 1;
      if (left <= 0 || !note.isConnected) {
        window.clearInterval(timer);
        block(button, false);
        note.hidden = true;
        return;
      }
      note.textContent = words(left);
    }, 1000);
  }

  async function sendCode(number, button, note) {
    if (blocked(button)) {
      if (!note.hidden) {
        say(note.textContent, 'error');
      }
      return;
    }
    block(button, true);
    try {
      const { data } = await request('auth/codes', { method: 'POST', body: { phone: number } });
      block(button, false);
      phone = number;
      maskedPhone = data.maskedPhone;
      phoneInput.removeAttribute('aria-invalid');
      codeInput.removeAttribute('aria-invalid');
      phoneInput.readOnly = true;
      sendButton.hidden = true; // from here on: resend-code, with its own wait
      codeForm.hidden = false;
      say(t('login.codeSent', data.maskedPhone, Math.max(1, Math.round(data.expiresInSeconds / 60))));
      wait(resendButton, resendWait, data.resendAfterSeconds, (left) => t('login.resendIn', left));
      codeInput.focus();
    } catch (error) {
      block(button, false);
      sayError(error);
      if (error.status === 429) {
        wait(button, note, error.retryAfter, (left) => t('login.retryIn', left));
      } else if (error.status === 400 || error.status === 422) {
        phoneInput.setAttribute('aria-invalid', 'true');
        phoneInput.focus();
      }
    }
  }

  phoneForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const number = phoneInput.value.trim();
    if (!number) {
      phoneInput.setAttribute('aria-invalid', 'true');
      say(t('login.phoneRequired'), 'error');
      phoneInput.focus();
      return;
    }
    sendCode(number, sendButton, sendWait);
  });

  resendButton.addEventListener('click', () => sendCode(phone, resendButton, resendWait));

  changeButton.addEventListener('click', () => {
    codeForm.hidden = true;
    codeInput.value = '';
    phoneInput.readOnly = false;
    sendButton.hidden = false;
    phoneInput.focus();
    phoneInput.select();
  });

  codeForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (blocked(verifyButton)) {
      if (!verifyWait.hidden) {
        say(verifyWait.textContent, 'error');
      }
      return;
    }
    const code = codeInput.value.replace(/\s+/g, '');
    if (!/^[0-9]{6}$/.test(code)) {
      codeInput.setAttribute('aria-invalid', 'true');
      say(t('login.codeFormat'), 'error');
      codeInput.focus();
      return;
    }
    block(verifyButton, true);
    try {
      const { data } = await request('auth/tokens', { method: 'POST', body: { phone, code } });
      saveToken(data, maskedPhone);
      go(next || '/', { text: t('login.done') });
    } catch (error) {
      block(verifyButton, false);
      sayError(error); // a wrong code: the server's detail says how many tries are left
      codeInput.setAttribute('aria-invalid', 'true');
      codeInput.focus();
      codeInput.select();
      if (error.status === 429) {
        wait(verifyButton, verifyWait, error.retryAfter, (left) => t('login.retryIn', left));
      }
    }
  });

  // from the city-hall QR code with nothing featured: signing up, and the way into the citizen panel
  return h('section', {},
    pageHead(t('login.heading'), t('login.intro')),
    phoneForm, codeForm,
    query.get('from') === 'city-hall' && !next ? panelInvite() : null);
}
