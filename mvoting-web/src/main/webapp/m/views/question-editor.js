// One question of the citizens' poll form, with its own checks: the form holds one to five of these.

import { h, showFieldError } from '../dom.js';
import { QUESTION_TYPES } from '../enums.js';
import { MAX_OPTIONS, MAX_SCALE, QUESTION_TEXT_LENGTH } from '../limits.js';
import { t } from '../texts.js';

/** Non-empty trimmed lines. */
function lines(text) {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}

/**
 * One question of the form: its text, type, and (by type) the options one a line, the top of the scale or
 * nothing (yes/no). ids follow its number, which changes when a question above it is removed: cp-q{n}-text,
 * cp-q{n}-type, cp-q{n}-options, cp-q{n}-scale, cp-q{n}-remove, cp-q{n}-text-error, cp-q{n}-options-error.
 */
export function questionEditor(onRemove) {
  const legend = h('legend', {});
  const textLabel = h('label', {}, t('create.questionText'));
  const text = h('input', { type: 'text', maxlength: String(QUESTION_TEXT_LENGTH), required: true });
  const textError = h('p', { class: 'field-error', hidden: true });
  const typeLabel = h('label', {}, t('create.questionType'));
  const type = h('select', {}, QUESTION_TYPES.map((q) => h('option', { value: q }, t(`qtype.${q}`))));
  const typeHint = h('p', { class: 'hint' });
  const optionsLabel = h('label', {}, t('create.options'));
  const optionsHint = h('p', { class: 'hint' }, t('create.optionsHint', MAX_OPTIONS));
  const options = h('textarea', { rows: '4' });
  const optionsError = h('p', { class: 'field-error', hidden: true });
  const optionsBox = h('div', {}, optionsLabel, optionsHint, options, optionsError);
  const scaleLabel = h('label', {}, t('create.scaleMax'));
  const scale = h('select', {}, Array.from({ length: MAX_SCALE - 1 }, (_, i) => i + 2)
    .map((n) => h('option', { value: String(n) }, t('create.scaleValue', n))));
  scale.value = '5';
  const scaleBox = h('div', { hidden: true }, scaleLabel, scale);
  const removeButton = h('button', { type: 'button', class: 'secondary danger' });
  const fieldset = h('fieldset', { class: 'group cp-question' },
    legend,
    textLabel, text, textError,
    typeLabel, type, typeHint,
    optionsBox, scaleBox,
    h('div', { class: 'actions' }, removeButton));
  let number = 0;

  function showType() {
    const kind = type.value;
    optionsBox.hidden = kind === 'YES_NO' || kind === 'SCALE';
    scaleBox.hidden = kind !== 'SCALE';
    switch (kind) {
      case 'MULTIPLE_CHOICE': typeHint.textContent = t('create.typeHint.MULTIPLE_CHOICE'); break;
      case 'YES_NO': typeHint.textContent = t('create.typeHint.YES_NO'); break;
      case 'SCALE': typeHint.textContent = t('create.typeHint.SCALE'); break;
      case 'RANKING': typeHint.textContent = t('create.typeHint.RANKING'); break;
      default: typeHint.textContent = t('create.typeHint.SINGLE_CHOICE'); break;
    }
  }
  type.addEventListener('change', () => {
    showType();
    editor.showProblems([]);
  });
  removeButton.addEventListener('click', () => onRemove(editor));
  text.addEventListener('input', () => showFieldError(textError, text, null));
  options.addEventListener('input', () => showFieldError(optionsError, options, null));

  const editor = {
    fieldset,
    text,
    options,
    get number() {
      return number;
    },
    setNumber(n, removable) {
      number = n;
      const p = `cp-q${n}`;
      fieldset.id = p;
      legend.textContent = t('create.questionN', n);
      text.id = `${p}-text`;
      text.name = `${p}-text`;
      textLabel.htmlFor = text.id;
      textError.id = `${p}-text-error`;
      text.setAttribute('aria-describedby', textError.id);
      type.id = `${p}-type`;
      type.name = `${p}-type`;
      typeLabel.htmlFor = type.id;
      typeHint.id = `${p}-type-hint`;
      type.setAttribute('aria-describedby', typeHint.id);
      options.id = `${p}-options`;
      options.name = `${p}-options`;
      optionsLabel.htmlFor = options.id;
      optionsHint.id = `${p}-options-hint`;
      optionsError.id = `${p}-options-error`;
      options.setAttribute('aria-describedby', `${optionsHint.id} ${optionsError.id}`);
      scale.id = `${p}-scale`;
      scale.name = `${p}-scale`;
      scaleLabel.htmlFor = scale.id;
      removeButton.id = `${p}-remove`;
      removeButton.textContent = t('create.removeQuestion', n);
      removeButton.hidden = !removable;
    },
    /** The question as the API takes it (QuestionDraft): yes/no without options, a scale by its top. */
    draft() {
      const kind = type.value;
      const q = { type: kind, text: text.value.trim(), options: [] };
      if (kind === 'SCALE') {
        q.scaleMax = Number(scale.value);
      } else if (kind !== 'YES_NO') {
        q.options = lines(options.value);
      }
      return q;
    },
    /** What is wrong, as [element, message] pairs in the form's order; also shown next to the fields. */
    check() {
      const problems = [];
      const q = editor.draft();
      if (q.text === '') {
        problems.push([text, t('create.questionTextRequired', number)]);
      }
      if (!optionsBox.hidden) {
        if (q.options.length < 2) {
          problems.push([options, t('create.optionsTooFew', number)]);
        } else if (q.options.length > MAX_OPTIONS) {
          problems.push([options, t('create.optionsTooMany', number, MAX_OPTIONS)]);
        } else if (new Set(q.options).size !== q.options.length) {
          problems.push([options, t('create.optionsDuplicate', number)]);
        } else if (q.options.some((o) => o.length > 300)) {
          problems.push([options, t('create.optionTooLong', number, 300)]);
        }
      }
      editor.showProblems(problems);
      return problems;
    },
    showProblems(problems) {
      showFieldError(textError, text, (problems.find(([el]) => el === text) || [])[1]);
      showFieldError(optionsError, options, (problems.find(([el]) => el === options) || [])[1]);
    },
    showTextError(message) {
      showFieldError(textError, text, message);
    },
    showOptionsError(message) {
      showFieldError(optionsError, options, message);
    },
    /** For keeping the form across a new sign-in. */
    state() {
      return { type: type.value, text: text.value, options: options.value, scale: scale.value };
    },
    restore(state) {
      type.value = QUESTION_TYPES.includes(state.type) ? state.type : 'SINGLE_CHOICE';
      text.value = String(state.text || '');
      options.value = String(state.options || '');
      scale.value = /^([2-9]|10)$/.test(String(state.scale)) ? String(state.scale) : '5';
      showType();
    },
  };
  showType();
  return editor;
}
