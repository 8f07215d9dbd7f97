// Making a citizens' poll (signed in): who votes, how long, who sees results, the questions; kept across a sign-in.

import { ApiError, request } from '../api.js';
import { block, blocked, fieldError, h, link, pageFoot, pageHead, say, sayError, showFieldError } from '../dom.js';
import { CITIZEN_VISIBILITIES, RESULTS_CHOICES } from '../enums.js';
import { dateTime } from '../format.js';
import { DESCRIPTION_LENGTH, MAX_INVITEES, MAX_QUESTIONS, TITLE_LENGTH } from '../limits.js';
import { go, signedInView, signInAgain } from '../router.js';
import { keepDraft, readDraft } from '../storage.js';
import { t } from '../texts.js';
import { citizenVisibilityWords, createdPolls } from './citizen-polls.js';
import { questionEditor } from './question-editor.js';
import { passwordField } from './vote.js';

/** How long a citizen's poll stays open, in minutes: the short ones are for a quick poll among people in a room. */
const DURATIONS = [30, 60, 24 * 60, 3 * 24 * 60, 7 * 24 * 60];
const DEFAULT_DURATION = 24 * 60;

function durationWords(minutes) {
  switch (minutes) {
    case 30: return t('create.duration.30m');
    case 60: return t('create.duration.1h');
    case 24 * 60: return t('create.duration.1d');
    case 3 * 24 * 60: return t('create.duration.3d');
    default: return t('create.duration.7d');
  }
}

function resultsChoiceWords(choice) {
  switch (choice) {
    case 'LIVE': return t('create.results.LIVE');
    case 'AFTER_CLOSE': return t('create.results.AFTER_CLOSE');
    default: return t('create.results.AFTER_VOTING');
  }
}

/** Phone numbers typed one a line or separated by commas (or semicolons). */
function phoneList(text) {
  return text.split(/[\n,;]+/).map((p) => p.trim()).filter((p) => p !== '');
}

export function newCitizenPollPage() {
  return signedInView({ path: '/citizen-polls/new', show: newCitizenPollView });
}

function newCitizenPollView() {
  // ---- title and description
  const titleInput = h('input', {
    type: 'text', id: 'cp-title', name: 'title', maxlength: String(TITLE_LENGTH), required: true, autocomplete: 'off',
    'aria-describedby': 'cp-title-error',
  });
  const titleError = fieldError('cp-title');
  const descriptionInput = h('textarea', {
    id: 'cp-description', name: 'description', rows: '3', maxlength: String(DESCRIPTION_LENGTH), 'aria-describedby': 'cp-description-hint cp-description-error',
  });
  const descriptionError = fieldError('cp-description');

  // ---- who votes: public, with a password, or invited phones
  const visibilityInputs = CITIZEN_VISIBILITIES.map((v) => h('input', {
    type: 'radio', id: `cp-visibility-${v}`, name: 'visibility', value: v, 'aria-describedby': `cp-visibility-${v}-hint`,
  }));
  visibilityInputs[0].checked = true;
  const visibilityHint = (v) => {
    switch (v) {
      case 'PASSWORD': return t('create.visibilityHint.PASSWORD');
      case 'INVITE_ONLY': return t('create.visibilityHint.INVITE_ONLY');
      default: return t('create.visibilityHint.PUBLIC');
    }
  };
  const visibilitySet = h('fieldset', { id: 'cp-visibility', class: 'group' },
    h('legend', {}, t('create.visibility')),
    h('div', { class: 'choices-list' }, CITIZEN_VISIBILITIES.map((v, i) => h('div', { class: 'choice' },
      visibilityInputs[i],
      h('div', { class: 'choice-text' },
        h('label', { for: `cp-visibility-${v}` }, citizenVisibilityWords(v)),
        h('p', { id: `cp-visibility-${v}-hint`, class: 'hint choice-hint' }, visibilityHint(v)))))));
  const password = passwordField('cp-password', {
    label: t('create.password'), hint: t('create.passwordHint'), autocomplete: 'new-password',
  });
  password.input.setAttribute('minlength', '6');
  const inviteesInput = h('textarea', {
    id: 'cp-invitees', name: 'invitees', rows: '4', autocomplete: 'off', 'aria-describedby': 'cp-invitees-hint cp-invitees-error',
  });
  const inviteesError = fieldError('cp-invitees');
  const inviteesBox = h('div', { id: 'cp-invitees-field' },
    h('label', { for: 'cp-invitees' }, t('create.invitees')),
    h('p', { id: 'cp-invitees-hint', class: 'hint' }, t('create.inviteesHint', MAX_INVITEES)),
    inviteesInput, inviteesError);
  inviteesInput.addEventListener('input', () => showFieldError(inviteesError, inviteesInput, null));

  function visibility() {
    return (visibilityInputs.find((i) => i.checked) || visibilityInputs[0]).value;
  }
  function showVisibility() {
    password.box.hidden = visibility() !== 'PASSWORD';
    inviteesBox.hidden = visibility() !== 'INVITE_ONLY';
  }
  visibilitySet.addEventListener('change', showVisibility);

  // ---- when it closes, who sees results
  const durationSelect = h('select', { id: 'cp-duration', name: 'duration', 'aria-describedby': 'cp-duration-hint cp-closes-at' },
    DURATIONS.map((m) => h('option', { value: String(m) }, durationWords(m))));
  durationSelect.value = String(DEFAULT_DURATION);
  const closesPreview = h('p', { id: 'cp-closes-at', class: 'hint' });
  const showCloses = () => {
    closesPreview.textContent = t('create.closesAt', dateTime(new Date(Date.now() + Number(durationSelect.value) * 60000).toISOString()));
  };
  durationSelect.addEventListener('change', showCloses);
  showCloses();
  const resultsSelect = h('select', { id: 'cp-results', name: 'resultsVisibility', 'aria-describedby': 'cp-results-hint' },
    RESULTS_CHOICES.map((r) => h('option', { value: r }, resultsChoiceWords(r))));
  resultsSelect.value = 'AFTER_VOTING';

  // ---- questions, one to five
  const questionList = h('div', { id: 'cp-questions' });
  const addButton = h('button', { type: 'button', id: 'cp-add-question', class: 'secondary', 'aria-describedby': 'cp-questions-hint' },
    t('create.addQuestion'));
  const editors = [];

  function renumber() {
    editors.forEach((e, i) => e.setNumber(i + 1, editors.length > 1));
    addButton.hidden = editors.length >= MAX_QUESTIONS;
  }
  function addQuestion() {
    const editor = questionEditor(removeQuestion);
    editors.push(editor);
    questionList.append(editor.fieldset);
    renumber();
    return editor;
  }
  function removeQuestion(editor) {
    const at = editors.indexOf(editor);
    if (at < 0 || editors.length <= 1) {
      return;
    }
    const removed = editor.number;
    editors.splice(at, 1);
    editor.fieldset.remove();
    renumber();
    say(t('create.questionRemoved', removed));
    (editors[at] ? editors[at].text : addButton).focus(); // the question that moved up, or "add a question"
  }
  addButton.addEventListener('click', () => {
    if (editors.length >= MAX_QUESTIONS) {
      return;
    }
    const editor = addQuestion();
    say(t('create.questionAdded', editor.number));
    editor.text.focus();
  });

  // ---- refusals: personal information gets its own box, it says what to remove
  const personalText = h('p', { id: 'cp-personal-info-text' });
  const personalHeading = h('h2', { id: 'cp-personal-info-heading', tabindex: '-1' }, t('create.personalHeading'));
  const personalBox = h('section', {
    id: 'cp-personal-info', class: 'problem-box', hidden: true, 'aria-labelledby': 'cp-personal-info-heading',
  }, personalHeading, personalText, h('p', { class: 'hint' }, t('create.personalHint')));

  const submitButton = h('button', { type: 'submit', id: 'cp-submit', class: 'primary' }, t('create.submit'));
  const form = h('form', { id: 'cp-form', novalidate: true },
    h('label', { for: 'cp-title' }, t('create.title')),
    titleInput, titleError,
    h('label', { for: 'cp-description' }, t('create.description')),
    h('p', { id: 'cp-description-hint', class: 'hint' }, t('create.descriptionHint')),
    descriptionInput, descriptionError,
    visibilitySet,
    password.box,
    inviteesBox,
    h('label', { for: 'cp-duration' }, t('create.duration')),
    h('p', { id: 'cp-duration-hint', class: 'hint' }, t('create.durationHint')),
    durationSelect, closesPreview,
    h('label', { for: 'cp-results' }, t('create.results')),
    h('p', { id: 'cp-results-hint', class: 'hint' }, t('create.resultsHint')),
    resultsSelect,
    h('h2', { id: 'cp-questions-heading' }, t('create.questions')),
    h('p', { id: 'cp-questions-hint', class: 'hint' }, t('create.questionsHint', MAX_QUESTIONS)),
    questionList, addButton,
    personalBox,
    submitButton);

  titleInput.addEventListener('input', () => showFieldError(titleError, titleInput, null));

  /** Checks the form on the page; shows each problem next to its field and returns [element, message] in form order. */
  function check() {
    const problems = [];
    const title = titleInput.value.trim();
    const titleProblem = title === '' ? t('create.titleRequired') : null;
    showFieldError(titleError, titleInput, titleProblem);
    if (titleProblem) {
      problems.push([titleInput, titleProblem]);
    }
    const chosenPassword = password.input.value.trim();
    const passwordProblem = visibility() === 'PASSWORD' && (chosenPassword.length < 6 || chosenPassword.length > 64)
      ? t('create.passwordLength', 4, 64) : null;
    password.showError(passwordProblem);
    if (passwordProblem) {
      problems.push([password.input, passwordProblem]);
    }
    const phones = phoneList(inviteesInput.value);
    const inviteesProblem = visibility() !== 'INVITE_ONLY' ? null
      : phones.length === 0 ? t('create.inviteesRequired')
        : phones.length > MAX_INVITEES ? t('create.inviteesTooMany', MAX_INVITEES) : null;
    showFieldError(inviteesError, inviteesInput, inviteesProblem);
    if (inviteesProblem) {
      problems.push([inviteesInput, inviteesProblem]);
    }
    editors.forEach((e) => problems.push(...e.check()));
    return problems;
  }

  /** A refusal the server tied to a field (validation-failed lists them; some poll-* codes name one). */
  function showRefusal(error) {
    if (!(error instanceof ApiError)) {
      return;
    }
    const marked = [];
    const mark = (field, message) => {
      if (field === 'title') {
        showFieldError(titleError, titleInput, message);
        marked.push(titleInput);
      } else if (field === 'description') {
        showFieldError(descriptionError, descriptionInput, message);
        marked.push(descriptionInput);
      } else if (field === 'password') {
        password.showError(message);
        marked.push(password.input);
      } else if (/^invitees/.test(field)) {
        showFieldError(inviteesError, inviteesInput, message);
        marked.push(inviteesInput);
      } else {
        const q = /^questions\[(\d+)\]\.(text|options)/.exec(field);
        const editor = q ? editors[Number(q[1])] : null;
        if (editor && q[2] === 'text') {
          editor.showTextError(message);
          marked.push(editor.text);
        } else if (editor) {
          editor.showOptionsError(message);
          marked.push(editor.options);
        }
      }
    };
    const byCode = {
      'poll-password-length': 'password', 'poll-invitees-required': 'invitees', 'phone-invalid': 'invitees',
      'poll-title-required': 'title',
    };
    if (Object.prototype.hasOwnProperty.call(byCode, error.code)) {
      mark(byCode[error.code], error.message);
    } else if (error.problem && Array.isArray(error.problem.errors)) {
      error.problem.errors.filter((e) => e && typeof e.field === 'string' && e.message).forEach((e) => mark(e.field, e.message));
    }
    if (marked.length > 0) {
      marked[0].focus();
    }
  }

  function formState() {
    return {
      title: titleInput.value,
      description: descriptionInput.value,
      visibility: visibility(),
      invitees: inviteesInput.value,
      duration: durationSelect.value,
      results: resultsSelect.value,
      questions: editors.map((e) => e.state()),
    };
  }

  function restoreState(state) {
    titleInput.value = String(state.title || '');
    descriptionInput.value = String(state.description || '');
    visibilityInputs.forEach((i) => {
      i.checked = i.value === state.visibility;
    });
    if (!visibilityInputs.some((i) => i.checked)) {
      visibilityInputs[0].checked = true;
    }
    inviteesInput.value = String(state.invitees || '');
    if (DURATIONS.map(String).includes(String(state.duration))) {
      durationSelect.value = String(state.duration);
    }
    if (RESULTS_CHOICES.includes(state.results)) {
      resultsSelect.value = state.results;
    }
    const questions = Array.isArray(state.questions) ? state.questions.slice(0, MAX_QUESTIONS) : [];
    questions.forEach((q) => addQuestion().restore(q && typeof q === 'object' ? q : {}));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (blocked(submitButton)) {
      return;
    }
    personalBox.hidden = true;
    const problems = check();
    if (problems.length > 0) {
      say(problems.map(([, text]) => text).join(' '), 'error');
      problems[0][0].focus();
      return;
    }
    const chosen = visibility();
    const body = {
      title: titleInput.value.trim(),
      description: descriptionInput.value.trim() || undefined,
      // the closing moment counts from pressing the button, so "30 minutes" is 30 minutes from now
      closesAt: new Date(Date.now() + Number(durationSelect.value) * 60000).toISOString(),
      visibility: chosen,
      password: chosen === 'PASSWORD' ? password.input.value.trim() : undefined,
      resultsVisibility: resultsSelect.value,
      questions: editors.map((e) => e.draft()),
      invitees: chosen === 'INVITE_ONLY' ? phoneList(inviteesInput.value) : undefined,
    };
    block(submitButton, true);
    say(t('create.sending'));
    try {
      const { data } = await request('citizen-polls', { method: 'POST', body, auth: true });
      createdPolls.set(data.id, data);
      go(`/citizen-polls/${data.id}/created`, { text: t('created.heading') }); // the view says whether it is open
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        keepDraft(formState()); // what was written comes back after signing in (but the password is typed again)
        signInAgain(error, '/citizen-polls/new');
        return;
      }
      sayError(error);
      if (error instanceof ApiError && error.code === 'poll-personal-information') {
        personalText.textContent = error.message; // the server names the field and what to remove, masked
        personalBox.hidden = false;
        personalHeading.focus();
      } else {
        showRefusal(error); // e.g. 429 rate-limited-citizen-polls: the message says when, nothing to mark
      }
    } finally {
      block(submitButton, false);
    }
  });

  const kept = readDraft();
  if (kept) {
    restoreState(kept);
  }
  if (editors.length === 0) {
    addQuestion();
  }
  showVisibility();
  showCloses();
  return h('section', {},
    pageHead(t('create.heading'), t('create.intro')),
    kept ? h('p', { id: 'cp-draft-restored', class: 'notice' }, t('create.draftRestored')) : null,
    form,
    pageFoot(link('/citizen-polls', t('citizenPolls.back'))));
}
