// Talks to the REST API /api/v1: JSON in and out, the citizen's token, the chosen language, and problem
// details (application/problem+json, already localized by the server) turned into ApiError.

import { lang, t } from './texts.js';

const BASE = new URL('../api/v1/', import.meta.url);
const TOKEN_KEY = 'mvoting.token';
const DEVICE_COOKIE = 'mvoting_device';
const DEVICE_MAX_AGE = 400 * 24 * 3600; // the longest browsers keep a cookie
const PHONE_KEY = 'mvoting.phone';

let expiredSinceLastAsked = false;

/** The absolute address of an API path (relative to /api/v1, no leading slash), for what fetch does not open (EventSource). */
export function apiUrl(path) {
  return new URL(path, BASE).href;
}

/** A refused or failed call. status 0: the server was not reached. message: what to show the person. */
export class ApiError extends Error {
  constructor(status, problem, retryAfter, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.code = problem && problem.code ? problem.code : null;
    this.title = problem && problem.title ? problem.title : null;
    this.retryAfter = retryAfter;
  }
}

/**
 * This browser's device identifier: the long-lived cookie the server set when the pages loaded, or a new one
 * made here if it is missing. Sent as X-Device-Id (calls omit cookies), it lets a device-level poll count this
 * device once, and the first sign-in on it binds it to the phone.
 */
export function deviceId() {
  const found = document.cookie.split(';').map((c) => c.trim())
    .find((c) => c.startsWith(`${DEVICE_COOKIE}=`));
  const value = found ? found.substring(DEVICE_COOKIE.length + 1) : '';
  if (/^[A-Za-z0-9._:-]{16,128}$/.test(value)) {
    return value;
  }
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const made = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${DEVICE_COOKIE}=${made}; Max-Age=${DEVICE_MAX_AGE}; Path=/; SameSite=Lax${secure}`;
  return made;
}

/** The bearer token when one is stored and not expired; an expired one is dropped. */
export function getToken() {
  let stored;
  try {
    stored = JSON.parse(localStorage.getItem(TOKEN_KEY) || 'null');
  } catch {
    stored = null;
  }
  if (!stored || typeof stored.token !== 'string') {
    return null;
  }
  const expires = Date.parse(stored.expiresAt);
  if (Number.isNaN(expires) || expires <= Date.now()) {
    clearToken();
    expiredSinceLastAsked = true;
    return null;
  }
  return stored.token;
}

/** True once after getToken dropped an expired token (to say so instead of a plain "please sign in"). */
export function takeExpiredNotice() {
  const was = expiredSinceLastAsked;
  expiredSinceLastAsked = false;
  return was;
}

/**
 * Keeps the token from POST /auth/tokens ({token, tokenType, expiresAt}) and, for "my details", the phone number
 * in the masked form the server sent with the code (010-****-5678). The full number is never stored.
 */
export function saveToken(accessToken, maskedPhone = null) {
  localStorage.setItem(TOKEN_KEY, JSON.stringify({ token: accessToken.token, expiresAt: accessToken.expiresAt }));
  try {
    if (isMasked(maskedPhone)) {
      localStorage.setItem(PHONE_KEY, maskedPhone);
    } else {
      localStorage.removeItem(PHONE_KEY);
    }
  } catch {
    // the number is only shown for convenience
  }
  window.dispatchEvent(new Event('mvoting:auth'));
}

/** Hidden digits and at most 8 visible ones: never a whole phone number, whatever the server sent. */
function isMasked(value) {
  return typeof value === 'string' && value.length <= 32 && value.includes('****')
    && (value.match(/[0-9]/g) || []).length <= 8;
}

/** The masked phone number kept at sign-in, or null. */
export function getMaskedPhone() {
  try {
    const value = localStorage.getItem(PHONE_KEY);
    return isMasked(value) ? value : null;
  } catch {
    return null;
  }
}

export function clearToken() {
  try {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(PHONE_KEY);
  } catch {
    // nothing stored then
  }
  window.dispatchEvent(new Event('mvoting:auth'));
}

/**
 * Signs out: the server revokes this token (from then on refused on every node), then it is forgotten here, whatever
 * the server said. Resolves to false only when the server could not be reached (the token then simply runs out).
 */
export async function signOut() {
  if (!getToken()) {
    clearToken();
    return true;
  }
  try {
    await request('auth/token', { method: 'DELETE', auth: true });
    return true;
  } catch (error) {
    return error.status !== 0; // refused: the server holds it invalid already
  } finally {
    clearToken();
  }
}

/** Signs out everywhere (every token of this citizen, on every device); rejects with ApiError, keeping the token. */
export async function signOutEverywhere() {
  await request('auth/tokens', { method: 'DELETE', auth: true });
  clearToken();
}

/**
 * Calls the API. path is relative to /api/v1 (no leading slash). auth: send the token when there is one.
 * Resolves to {status, data, headers}; rejects with ApiError.
 */
export async function request(path, { method = 'GET', body, auth = false, headers = {} } = {}) {
  const sent = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': lang(),
    'X-Device-Id': deviceId(),
    ...headers,
  };
  const token = auth ? getToken() : null;
  if (token) {
    sent.Authorization = `Bearer ${token}`;
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
      credentials: 'omit', // the API is token-only; never lend it cookies or cached Basic credentials
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, null, null, t('error.network'));
  }
  const data = await readJson(response);
  if (response.ok) {
    return { status: response.status, data, headers: response.headers };
  }
  if (response.status === 401 && token) {
    clearToken(); // the server no longer accepts it: signing in again is the only way on
  }
  throw refusal(response, data);
}

async function readJson(response) {
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) {
    return null;
  }
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function refusal(response, data) {
  const problem = data && typeof data === 'object' && (data.detail || data.title) ? data : null;
  const header = Number.parseInt(response.headers.get('Retry-After') || '', 10);
  const retryAfter = Number.isFinite(header) ? header
    : problem && Number.isFinite(problem.retryAfterSeconds) ? problem.retryAfterSeconds : null;
  // A proxy's HTML error page or a bare 502 carries no problem: say something human instead.
  const message = problem ? (problem.detail || problem.title) : t('error.unexpected');
  return new ApiError(response.status, problem, retryAfter, message);
}
