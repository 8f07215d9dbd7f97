// The live state of an on-site event (EventLiveState), for the participant's phone and the big screen alike:
// Server-Sent Events from /api/v1/events/{joinCode}/live, or, where a browser has no EventSource, GET .../state
// every 2 s. The server sends the whole state on every (re)connect, so a screen never patches up what it missed:
// it draws the latest state and that is all.

import { apiUrl, request } from './api.js';

const POLL_MS = 2000;
/** Waits before opening the stream again after the server refused it outright (the browser does not retry then). */
const RETRY_MS = [2000, 5000, 10000, 30000];

/**
 * Follows the event joinCode until the returned stop function is called.
 * onState(state, offsetMs): each state, with offsetMs = server clock - this device's clock when it arrived (count
 * a countdown with Date.now() + offsetMs, or a phone with a wrong clock would close the vote early or late).
 * onStatus('live' | 'reconnecting'): may repeat the same value; callers only show it.
 */
export function followEvent(joinCode, { onState, onStatus }) {
  const path = `events/${encodeURIComponent(joinCode)}`;
  let stopped = false;
  let source = null;
  let timer = null;
  let refusals = 0;

  function deliver(state) {
    if (stopped || !state || typeof state !== 'object') {
      return;
    }
    const server = Date.parse(state.serverTime);
    onStatus('live');
    onState(state, Number.isNaN(server) ? 0 : server - Date.now());
  }

  function connect() {
    source = new EventSource(apiUrl(`${path}/live`));
    source.addEventListener('open', () => onStatus('live'));
    source.addEventListener('state', (event) => {
      refusals = 0;
      let state;
      try {
        state = JSON.parse(event.data);
      } catch {
        return; // a garbled frame: the next state replaces it anyway
      }
      deliver(state);
    });
    source.addEventListener('error', () => {
      if (stopped) {
        return;
      }
      onStatus('reconnecting');
      // CONNECTING: the browser reconnects by itself. CLOSED: an HTTP error or a wrong content type, after which it
      // gives up for good, so the stream is opened again here, more slowly each time.
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        timer = window.setTimeout(connect, RETRY_MS[Math.min(refusals, RETRY_MS.length - 1)]);
        refusals += 1;
      }
    });
  }

  async function poll() {
    try {
      const { data } = await request(`${path}/state`);
      deliver(data);
    } catch {
      if (!stopped) {
        onStatus('reconnecting');
      }
    }
    if (!stopped) {
      timer = window.setTimeout(poll, POLL_MS); // after the answer, so a slow server is never asked twice at once
    }
  }

  if (typeof window.EventSource === 'function') {
    connect();
  } else {
    poll();
  }
  return () => {
    stopped = true;
    window.clearTimeout(timer);
    if (source) {
      source.close();
    }
  };
}

/** Milliseconds until closesAt by the server's clock (never below 0), or null without a closing time. */
export function remainingMs(closesAt, offsetMs) {
  const end = closesAt ? Date.parse(closesAt) : Number.NaN;
  return Number.isNaN(end) ? null : Math.max(0, end - (Date.now() + offsetMs));
}

/** 1:05:09, 4:09, 0:07: whole seconds rounded up, so 0:00 shows only once the time is really over. */
export function formatCountdown(ms) {
  const total = Math.ceil(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
