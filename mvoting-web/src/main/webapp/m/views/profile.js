// My panel profile (signed in): given with consent, shown, changed (consent again) or withdrawn.

import { ApiError, request } from '../api.js';
import {
  block, blocked, clearMessage, confirmStep, fieldError, h, link, pageFoot, pageHead, say, sayError,
} from '../dom.js';
import { DISTRICTS, GENDERS } from '../enums.js';
import { cityYear, dateTime } from '../format.js';
import { signedInView, signInAgain } from '../router.js';
import { formatLocale, t } from '../texts.js';

export function profilePage() {
  return signedInView({ path: '/me/profile', why: t('login.forPanel'), load: storedProfile, show: profileView });
}

/**
 * "Join the citizen panel": the way to the consent screen (my panel profile) from the home page, and from the pages a
 * phone reaches by the city-hall QR code (the featured poll, or the sign-up). Not signed in, the link signs in first.
 */
export function panelInvite() {
  return h('section', { id: 'panel-entry', class: 'me-card', 'aria-labelledby': 'panel-entry-heading' },
    h('h2', { id: 'panel-entry-heading' }, t('panel.heading')),
    h('p', { class: 'hint' }, t('panel.hint')),
    link('/me/profile', t('panel.join'), { id: 'join-panel-link' }));
}

/** The stored profile, or null when there is none. */
async function storedProfile() {
  try {
    return (await request('me/profile', { auth: true })).data;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return null; // 404 profile-not-found is the empty state, anything else a refusal
    }
    throw error;
  }
}

function profileView(stored) {
  let profile = stored;

  // ---- the form (empty state and "change")
  const genderError = fieldError('gender');
  const genderInputs = GENDERS.map((g) => h('input', { type: 'radio', id: `gender-${g}`, name: 'gender', value: g }));
  const genderSet = h('fieldset', { id: 'gender-group', class: 'group', 'aria-describedby': 'gender-error' },
    h('legend', {}, t('profile.gender')),
    genderError,
    h('div', { class: 'choices-list' }, GENDERS.map((g, i) => h('div', { class: 'choice' },
      genderInputs[i], h('label', { for: `gender-${g}` }, t(`gender.${g}`))))));

  const collator = new Intl.Collator(formatLocale());
  const districtError = fieldError('district');
  const districtSelect = h('select', {
    id: 'district', name: 'district', required: true, 'aria-describedby': 'district-hint district-error',
  },
  h('option', { value: '' }, t('profile.districtChoose')),
  DISTRICTS.map((d) => ({ d, name: t(`district.${d}`) }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map(({ d, name }) => h('option', { value: d }, name)));

  const youngest = cityYear() - 14; // the server holds the real range and says it when refusing
  const birthError = fieldError('birth-year');
  const birthInput = h('input', {
    type: 'number', id: 'birth-year', name: 'birthYear', inputmode: 'numeric', min: '1900', max: String(youngest),
    step: '1', autocomplete: 'bday-year', required: true, 'aria-describedby': 'birth-year-hint birth-year-error',
  });

  const consentError = fieldError('consent');
  const consentAgain = h('p', { id: 'consent-again', class: 'hint' });
  const consentBox = h('input', {
    type: 'checkbox', id: 'consent', name: 'consent', 'aria-describedby': 'consent-text consent-again consent-error',
  });
  const consentSet = h('fieldset', { id: 'consent-group', class: 'group consent' },
    h('legend', {}, t('profile.consentLegend')),
    h('ul', { id: 'consent-text', class: 'consent-text' },
      h('li', {}, t('profile.consentItems')),
      h('li', {}, t('profile.consentPurpose')),
      h('li', {}, t('profile.consentBallots')),
      h('li', {}, t('profile.consentRetention')),
      h('li', {}, t('profile.consentRefuse'))),
    consentAgain,
    consentError,
    h('div', { class: 'choice' }, consentBox, h('label', { for: 'consent' }, t('profile.consentLabel'))));

  const saveButton = h('button', { type: 'submit', id: 'save-profile', class: 'primary' }, t('profile.save'));
  const cancelEdit = h('button', { type: 'button', id: 'cancel-edit', class: 'secondary' }, t('profile.cancelEdit'));
  const form = h('form', { id: 'profile-form', novalidate: true, 'aria-labelledby': 'profile-form-heading' },
    genderSet,
    h('label', { for: 'district' }, t('profile.district')),
    h('p', { id: 'district-hint', class: 'hint' }, t('profile.districtHint')),
    districtSelect, districtError,
    h('label', { for: 'birth-year' }, t('profile.birthYear')),
    h('p', { id: 'birth-year-hint', class: 'hint' }, t('profile.birthYearHint')),
    birthInput, birthError,
    consentSet,
    h('div', { class: 'actions' }, saveButton, cancelEdit));
  const formHeading = h('h2', { id: 'profile-form-heading', tabindex: '-1' });
  const formSection = h('section', { id: 'profile-form-section' }, formHeading, form);

  /** Per API field: where its problem is written, how it is marked invalid, what gets focus. */
  const fields = {
    gender: { error: genderError, inputs: genderInputs, box: genderSet, focus: () => (genderInputs.find((i) => i.checked) || genderInputs[0]).focus() },
    district: { error: districtError, inputs: [districtSelect], focus: () => districtSelect.focus() },
    birthYear: { error: birthError, inputs: [birthInput], focus: () => birthInput.focus() },
    consent: { error: consentError, inputs: [consentBox], box: consentSet, focus: () => consentBox.focus() },
  };

  function showFieldError(name, text) {
    const field = fields[name];
    field.error.textContent = text || '';
    field.error.hidden = !text;
    field.inputs.forEach((input) => (text ? input.setAttribute('aria-invalid', 'true') : input.removeAttribute('aria-invalid')));
    if (field.box) {
      field.box.classList.toggle('invalid', Boolean(text));
    }
  }

  /** Checks the form on the page; shows each problem next to its field and returns them in form order. */
  function check() {
    const problems = [];
    if (!genderInputs.some((i) => i.checked)) {
      problems.push(['gender', t('profile.genderRequired')]);
    }
    if (!districtSelect.value) {
      problems.push(['district', t('profile.districtRequired')]);
    }
    if (!/^[0-9]{4}$/.test(birthInput.value.trim())) {
      problems.push(['birthYear', t('profile.birthYearRequired')]);
    }
    if (!consentBox.checked) {
      problems.push(['consent', t('profile.consentRequired')]);
    }
    Object.keys(fields).forEach((name) => showFieldError(name, (problems.find(([n]) => n === name) || [])[1]));
    return problems;
  }

  /** A refusal the server tied to a field (profile-birth-year, profile-consent-required, validation-failed). */
  function showRefusal(error) {
    if (!(error instanceof ApiError)) {
      return;
    }
    const byCode = { 'profile-birth-year': 'birthYear', 'profile-consent-required': 'consent' };
    const listed = error.problem && Array.isArray(error.problem.errors) ? error.problem.errors : [];
    const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
    const problems = own(byCode, error.code) ? [[byCode[error.code], error.message]]
      : listed.filter((e) => e && own(fields, e.field) && e.message).map((e) => [e.field, e.message]);
    problems.forEach(([name, text]) => showFieldError(name, text));
    if (problems.length > 0) {
      fields[problems[0][0]].focus();
    }
  }

  function fillForm(from) {
    genderInputs.forEach((input) => {
      input.checked = Boolean(from) && input.value === from.gender;
    });
    districtSelect.value = from ? from.district : '';
    birthInput.value = from ? String(from.birthYear) : '';
    consentBox.checked = false; // consent is given again with every change
    consentAgain.textContent = from ? t('profile.consentAgain') : '';
    consentAgain.hidden = !from;
    Object.keys(fields).forEach((name) => showFieldError(name, null));
  }

  // ---- the empty state
  const emptyHeading = h('h2', { id: 'profile-empty-heading', tabindex: '-1' }, t('profile.emptyHeading'));
  const emptyBox = h('section', { id: 'profile-empty', 'aria-labelledby': 'profile-empty-heading' },
    emptyHeading,
    h('p', {}, t('profile.about')),
    h('p', {}, t('profile.ballotsNote')));

  // ---- the stored profile, change and withdraw
  const summaryHeading = h('h2', { id: 'profile-summary-heading', tabindex: '-1' }, t('profile.summaryHeading'));
  const facts = h('dl', { class: 'facts' });
  const changeButton = h('button', { type: 'button', id: 'change-profile', class: 'secondary' }, t('profile.change'));
  const withdrawButton = h('button', { type: 'button', id: 'withdraw-profile', class: 'secondary danger' }, t('profile.withdraw'));
  const summaryActions = h('div', { class: 'actions' }, changeButton, withdrawButton);
  const confirmButton = h('button', { type: 'button', id: 'confirm-withdraw', class: 'primary danger' }, t('profile.confirmWithdraw'));
  const cancelWithdraw = h('button', { type: 'button', id: 'cancel-withdraw', class: 'secondary' }, t('profile.cancelWithdraw'));
  const confirmHeading = h('h3', { id: 'withdraw-heading', tabindex: '-1' }, t('profile.withdrawHeading'));
  const confirmBox = h('section', { id: 'withdraw-confirm', class: 'confirm-box', hidden: true, 'aria-labelledby': 'withdraw-heading' },
    confirmHeading,
    h('p', {}, t('profile.withdrawText')),
    h('div', { class: 'actions' }, confirmButton, cancelWithdraw));
  const summary = h('section', { id: 'profile-summary', 'aria-labelledby': 'profile-summary-heading' },
    summaryHeading, facts, summaryActions, confirmBox);

  function showEmpty() {
    fillForm(null);
    formHeading.textContent = t('profile.formNew');
    cancelEdit.hidden = true;
    emptyBox.hidden = false;
    summary.hidden = true;
    formSection.hidden = false;
  }

  function showSummary() {
    facts.replaceChildren(
      h('dt', {}, t('profile.gender')), h('dd', { id: 'summary-gender' }, t(`gender.${profile.gender}`)),
      h('dt', {}, t('profile.district')), h('dd', { id: 'summary-district' }, t(`district.${profile.district}`)),
      h('dt', {}, t('profile.birthYear')), h('dd', { id: 'summary-birth-year' }, t('profile.birthYearValue', profile.birthYear)),
      ...(profile.consentedAt ? [h('dt', {}, t('profile.consentedAt')), h('dd', {}, dateTime(profile.consentedAt))] : []));
    emptyBox.hidden = true;
    formSection.hidden = true;
    summary.hidden = false;
    summaryActions.hidden = false;
    confirmBox.hidden = true;
  }

  function showEdit() {
    fillForm(profile);
    formHeading.textContent = t('profile.formChange');
    cancelEdit.hidden = false;
    emptyBox.hidden = true;
    summary.hidden = true;
    formSection.hidden = false;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (blocked(saveButton)) {
      return;
    }
    const problems = check();
    if (problems.length > 0) {
      say(problems.map(([, text]) => text).join(' '), 'error');
      fields[problems[0][0]].focus();
      return;
    }
    const body = {
      consent: consentBox.checked,
      gender: genderInputs.find((i) => i.checked).value,
      district: districtSelect.value,
      birthYear: Number(birthInput.value.trim()),
    };
    block(saveButton, true);
    try {
      profile = (await request('me/profile', { method: 'PUT', body, auth: true })).data;
      showSummary();
      say(t('profile.saved'));
      summaryHeading.focus();
    } catch (error) {
      if (!signInAgain(error, '/me/profile')) {
        sayError(error); // e.g. 422 profile-birth-year: the server's words, with the range
        showRefusal(error);
      }
    } finally {
      block(saveButton, false);
    }
  });

  changeButton.addEventListener('click', () => {
    clearMessage();
    showEdit();
    formHeading.focus();
  });

  cancelEdit.addEventListener('click', () => {
    clearMessage();
    showSummary();
    changeButton.focus();
  });

  confirmStep(withdrawButton, cancelWithdraw, summaryActions, confirmBox, confirmHeading);

  confirmButton.addEventListener('click', async () => {
    if (blocked(confirmButton)) {
      return;
    }
    block(confirmButton, true);
    try {
      await request('me/profile', { method: 'DELETE', auth: true });
      profile = null;
      showEmpty();
      say(t('profile.withdrawn'));
      emptyHeading.focus();
    } catch (error) {
      if (signInAgain(error, '/me/profile')) {
        return;
      }
      sayError(error);
      if (error instanceof ApiError && error.status === 404) {
        profile = null; // already gone (another device): the same outcome
        showEmpty();
        emptyHeading.focus();
      }
    } finally {
      block(confirmButton, false);
    }
  });

  if (profile) {
    showSummary();
  } else {
    showEmpty();
  }
  return h('section', {},
    pageHead(t('profile.heading'), t('profile.intro')),
    emptyBox, summary, formSection,
    pageFoot(link('/me', t('me.back'))));
}
