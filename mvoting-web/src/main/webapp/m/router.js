// The hash router: routes to views, the sign-in detours, and the one loader of signed-in pages (signedInView).
//
// The route table is app.js's (it names every view), so views import from here and never the other way round.

import { ApiError, getToken, takeExpiredNotice } from './api.js';
import { clearMessage, h, pageFoot, say, sayError, setDocumentTitle } from './dom.js';
import { lang, t } from './texts.js';

const main = document.getElementById('view');
let routes = [];
let renderCount = 0;
let firstRender = true;
let pendingMessage = null;
/** What the current view must stop when it is left (a live stream, a timer); run by the next render. */
const leaveHooks = [];

function currentRoute() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const at = raw.indexOf('?');
  return {
    path: at < 0 ? raw : raw.slice(0, at),
    query: new URLSearchParams(at < 0 ? '' : raw.slice(at + 1)),
  };
}

/**
 * Goes to a route and announces message ({text, kind}) once the new view is shown. replace: no history entry
 * (for redirects, so Back does not bounce).
 */
export function go(path, message = null, { replace = false } = {}) {
  pendingMessage = message;
  if (location.hash === `#${path}`) {
    render();
  } else if (replace) {
    location.replace(`#${path}`);
  } else {
    location.hash = path;
  }
}

/**
 * A route to come back to after signing in: a strict list of our own routes (a poll, its ballot, "my details",
 * the citizens' polls and making one, the people invited to one of mine, by its UUID, an event's join page and its
 * registration), never anything else, so a crafted link cannot send anyone elsewhere.
 */
export function safeNext(value) {
  return value && /^\/(polls\/[A-Za-z0-9-]+(\/vote)?|me(\/history|\/profile|\/polls(\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/invitees)?)?|citizen-polls(\/new)?|events\/[0-9]{6}(\/register)?)$/.test(value)
    ? value : null;
}

/** The words of the link back to a (safe) next route. */
export function nextLabel(next) {
  if (next.endsWith('/invitees')) {
    return t('invitees.back');
  }
  if (next.startsWith('/me')) {
    return t('me.back');
  }
  if (next === '/citizen-polls/new') {
    return t('create.back');
  }
  if (next === '/citizen-polls') {
    return t('citizenPolls.back');
  }
  if (next.endsWith('/register')) {
    return t('eventRegister.back');
  }
  return t('common.backToPoll');
}

/**
 * Not signed in: goes to the sign-in (and back to path after it) and says true. why: the words for going there, when
 * not the usual "to make a poll" (citizen polls) or "to see your details" (anything else). Views use signedInView;
 * only the ballot, which needs no sign-in for a device-level poll, asks this itself.
 */
export function needsSignIn(path, why = null) {
  if (getToken()) {
    return false;
  }
  const words = why || (path.startsWith('/citizen-polls') ? t('login.forCreate') : t('login.forMe'));
  const text = takeExpiredNotice() ? t('auth.expired') : words;
  go(`/login?next=${path}`, { text }, { replace: true });
  return true;
}

/** A 401 (the token was refused and dropped): to the sign-in with the server's words, back to path after it. */
export function signInAgain(error, path, { replace = false } = {}) {
  if (error instanceof ApiError && error.status === 401) {
    go(`/login?next=${path}`, { text: error.message, kind: 'error' }, { replace });
    return true;
  }
  return false;
}

/**
 * How every view that needs a sign-in starts. Not signed in: to the sign-in, back to path after it. Signed in:
 * load() makes the view's API calls, and a 401 from them (the token was refused and dropped) goes to the sign-in
 * again; then show(data) makes the view. Both detours replace the history entry, so Back does not bounce, and give
 * render null (a redirect took over); load's other refusals reach render, which shows them.
 */
export async function signedInView({ path, why = null, load = async () => null, show }) {
  if (needsSignIn(path, why)) {
    return null;
  }
  let data;
  try {
    data = await load();
  } catch (error) {
    if (signInAgain(error, path, { replace: true })) {
      return null;
    }
    throw error;
  }
  return show(data);
}

/** Runs fn when the view now being made or shown is replaced (another route, a language switch, a re-render). */
export function onLeave(fn) {
  leaveHooks.push(fn);
}

function leaveView() {
  for (const fn of leaveHooks.splice(0)) {
    try {
      fn();
    } catch (error) {
      console.error(error); // one failing hook must not keep the others (or the next view) from running
    }
  }
}

export async function render({ keepFocus = false } = {}) {
  const count = ++renderCount;
  leaveView();
  const { path, query } = currentRoute();
  const message = pendingMessage;
  pendingMessage = null;
  if (!message) {
    clearMessage();
  }
  main.setAttribute('aria-busy', 'true');
  main.replaceChildren(h('p', { class: 'loading' }, t('common.loading')));
  updateHeader();
  let view;
  try {
    const route = routes.find(([pattern]) => pattern.test(path));
    if (route) {
      const params = path.match(route[0]).slice(1).map(decodeURIComponent);
      view = await route[1](...params, query);
    } else {
      view = errorView(t('error.notFound'));
    }
  } catch (error) {
    view = errorView(error instanceof ApiError && error.title ? error.title : t('error.unexpected'));
    sayError(error);
  }
  if (count !== renderCount || view === null) {
    return; // a newer navigation (or a redirect) took over
  }
  main.replaceChildren(view);
  main.removeAttribute('aria-busy');
  const heading = main.querySelector('h1');
  setDocumentTitle(heading ? heading.textContent : null);
  if (heading && !firstRender && !keepFocus) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
  firstRender = false;
  if (message) {
    say(message.text, message.kind || 'info');
  }
}

export function errorView(title, ...links) {
  return h('section', {},
    h('h1', {}, title),
    pageFoot(...links));
}

export function updateHeader() {
  const signedIn = getToken() !== null;
  const meLink = document.getElementById('me-link');
  meLink.hidden = !signedIn;
  if (/^\/me(\/|$)/.test(currentRoute().path)) {
    meLink.setAttribute('aria-current', 'page');
  } else {
    meLink.removeAttribute('aria-current');
  }
  document.getElementById('login-link').hidden = signedIn;
  document.getElementById('logout').hidden = !signedIn;
  document.getElementById('lang-ko').setAttribute('aria-pressed', String(lang() === 'ko'));
  document.getElementById('lang-en').setAttribute('aria-pressed', String(lang() === 'en'));
}

/** Shows the route in the address now and on every change of it; routes: [pattern, view(...params, query)]. */
export function startRouter(table) {
  routes = table;
  window.addEventListener('hashchange', () => render());
  return render();
}
