// DOM helpers for every page under /m/: elements, the #message line, waiting buttons, field errors, page head and foot.
//
// Server data is only ever set as text: h never parses HTML.

import { ApiError } from './api.js';
import { t } from './texts.js';

const messageBox = document.getElementById('message');

/** Builds an element: attributes (on* are listeners, text sets textContent) and children (strings are text). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'class') {
      el.className = value;
    } else if (name === 'text') {
      el.textContent = value;
    } else if (name.startsWith('on')) {
      el.addEventListener(name.slice(2), value);
    } else {
      el.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      el.append(child instanceof Node ? child : String(child));
    }
  }
  return el;
}

/** Announces text in the live region (#message); kind 'error' or 'info' only changes its look. */
export function say(text, kind = 'info') {
  messageBox.dataset.kind = kind;
  messageBox.replaceChildren(h('p', {}, text)); // a new node each time, so a repeated text is announced again
  if (kind === 'error' && messageBox.getBoundingClientRect().top < 0) {
    messageBox.scrollIntoView({ block: 'nearest' });
  }
}

/**
 * The one-screen pages (check.html, opt-out.html, present.html) write their line straight into #message and mark
 * its kind ('ok', 'error', 'info') as a class, which is what their style sheets draw.
 */
export function sayLine(text, kind = 'info') {
  messageBox.className = `message ${kind}`;
  messageBox.textContent = text;
}

export function clearMessage() {
  messageBox.replaceChildren();
  delete messageBox.dataset.kind;
}

/** An API refusal in the server's words; anything else as a plain "something went wrong". */
export function sayError(error) {
  if (error instanceof ApiError) {
    say(error.message, 'error');
  } else {
    console.error(error);
    say(t('error.unexpected'), 'error');
  }
}

/** aria-disabled rather than disabled: the button keeps focus and stays findable while it waits. */
export function block(button, on) {
  if (on) {
    button.setAttribute('aria-disabled', 'true');
  } else {
    button.removeAttribute('aria-disabled');
  }
}

export function blocked(button) {
  return button.getAttribute('aria-disabled') === 'true';
}

/**
 * A confirmation step for an action that cannot be undone: the trigger hides its actions and shows the box (focus on
 * its heading, for screen readers); cancel brings the actions back with focus on the trigger.
 */
export function confirmStep(trigger, cancel, actions, box, heading) {
  trigger.addEventListener('click', () => {
    clearMessage();
    actions.hidden = true;
    box.hidden = false;
    heading.focus();
  });
  cancel.addEventListener('click', () => {
    box.hidden = true;
    actions.hidden = false;
    trigger.focus();
  });
}

/** The line under a field that says what is wrong with it ({id}-error), hidden while nothing is. */
export function fieldError(id) {
  return h('p', { id: `${id}-error`, class: 'field-error', hidden: true });
}

/** Shows message in a field's error line and marks the input invalid, or clears both (message null). */
export function showFieldError(error, input, message) {
  error.textContent = message || '';
  error.hidden = !message;
  if (message) {
    input.setAttribute('aria-invalid', 'true');
  } else {
    input.removeAttribute('aria-invalid');
  }
}

/** Copies text; without a clipboard (plain http, an old browser) selects node's text so the person can copy it. */
export async function copyText(text, node, copied, failed) {
  try {
    await navigator.clipboard.writeText(text);
    say(copied);
  } catch {
    const range = document.createRange();
    range.selectNodeContents(node);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    say(failed, 'error');
  }
}

export function link(href, text, attrs = {}) {
  return h('a', { href: `#${href}`, ...attrs }, text);
}

export function enc(value) {
  return encodeURIComponent(value);
}

/** A page's h1 and introduction: the router focuses that h1 and names the browser tab after it. */
export function pageHead(heading, intro, attrs = {}) {
  return [h('h1', attrs, heading), h('p', { class: 'intro' }, intro)];
}

/** The links at the foot of a page, always ending with the way back to the open polls. */
export function pageFoot(...links) {
  return h('p', { class: 'actions' }, ...links, link('/', t('common.backToPolls')));
}

/** The browser tab's title: what is shown, then the app's name. */
export function setDocumentTitle(text) {
  document.title = text ? `${text} - ${t('app.title')}` : t('app.title');
}
