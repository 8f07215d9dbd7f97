// The staff view's one credential: the mobile office's bearer token, handed over in the URL fragment
// (staff.html#token=...), kept in this tab's sessionStorage only and sent as Authorization: Bearer.
//
// Why the fragment: a WebView opens a URL, and the fragment is the part of it that is never sent to a server, so the
// token stays out of access logs, proxies and Referer headers (the page also sends no referrer), and it is not a
// query string. It is read once and removed from the address bar before anything else runs. sessionStorage (not
// localStorage): the token dies with the WebView's tab; the mobile office hands a fresh one each time it opens it.

import { ApiError } from '../api.js';
import { lang, t } from '../texts.js';

const BASE = new URL('../../api/v1/', import.meta.url);
const TOKEN_KEY = 'mvoting.staffToken';
const RECEIPTS_KEY = 'mvoting.staffReceipts';
/** A compact JWS: three base64url parts; anything else in the fragment is ignored. */
const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Takes the token out of the fragment (#token=...&to=/polls/{id}/vote), keeps it, and replaces the address with the
 * route alone. Returns the route to show first.
 */
export function takeTokenFromAddress() {
  const hash = location.hash.startsWith('#') ? location.hash.substring(1) : '';
  if (!hash.startsWith('token=')) {
    return null;
  }
  const params = new URLSearchParams(hash);
  const token = params.get('token') || '';
  const to = params.get('to');
  const route = to && /^\/polls\/[0-9a-f-]{36}(\/(vote|results))?$/.test(to) ? to : '/';
  history.replaceState(null, '', `${location.pathname}#${route}`);
  if (JWS.test(token) && token.length <= 8192) {
    try {
      sessionStorage.setItem(TOKEN_KEY, token);
    } catch {
      memoryToken = token; // storage off: this page load only
    }
  }
  return route;
}

let memoryToken = null;

export function token() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) || memoryToken;
  } catch {
    return memoryToken;
  }
}

export function forgetToken() {
  memoryToken = null;
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // nothing kept
  }
}

/**
 * Calls /api/v1 as the member of staff: path without a leading slash. Resolves to {status, data}; rejects with
 * ApiError (the server's localized problem). A 401 drops the token: only the mobile office can hand a new one.
 */
export async function staffRequest(path, { method = 'GET', body, headers = {} } = {}) {
  const held = token();
  const sent = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': lang(),
    'X-MVoting-Channel': 'APP', // the mobile office is an app
    ...headers,
  };
  if (held) {
    sent.Authorization = `Bearer ${held}`;
  }
  if (body !== undefined) {
    sent['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(new URL(path, BASE), {
      method,
      headers: sent,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', // bearer only: never a portal cookie
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, null, null, t('error.network'));
  }
  let data = null;
  if ((response.headers.get('Content-Type') || '').includes('json')) {
    try {
      data = await response.json();
    } catch {
      data = null;
    }
  }
  if (response.ok) {
    return { status: response.status, data };
  }
  if (response.status === 401) {
    forgetToken();
  }
  const problem = data && typeof data === 'object' && (data.detail || data.title) ? data : null;
  throw new ApiError(response.status, problem, null, problem ? (problem.detail || problem.title) : t('error.unexpected'));
}

/** Receipts this phone received, by poll: the server keeps them sealed and cannot show them again. */
export function staffReceipts() {
  try {
    return JSON.parse(localStorage.getItem(RECEIPTS_KEY) || '{}') || {};
  } catch {
    return {};
  }
}

export function keepStaffReceipt(pollId, receipt) {
  try {
    localStorage.setItem(RECEIPTS_KEY, JSON.stringify({ ...staffReceipts(), [pollId]: receipt }));
  } catch {
    // the receipt page still shows it
  }
}

/** One key per ballot attempt of this tab: a retry of the same choices returns the first receipt. */
export function attemptKey(pollId, ballot) {
  const name = `mvoting.staffVote.${pollId}`;
  const body = JSON.stringify(ballot);
  try {
    const kept = JSON.parse(sessionStorage.getItem(name) || 'null');
    if (kept && kept.body === body) {
      return kept.key;
    }
  } catch {
    // a new key then
  }
  const key = newKey();
  try {
    sessionStorage.setItem(name, JSON.stringify({ body, key }));
  } catch {
    // this attempt only
  }
  return key;
}

/** A random UUID (crypto.randomUUID needs a secure context; getRandomValues does not). */
function newKey() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
