// The app on the phone: the service worker (sw.js: offline shell, Web Push) and my page's "알림 받기".
//
// Subscribing asks the browser for permission, subscribes its push service with the city's VAPID public key
// (GET me/web-push-subscriptions/key) and hands the subscription (endpoint and keys) to the server, which encrypts
// every notification for this browser alone. Where the browser has no Web Push (an iPhone's Safari outside a home
// screen app), the card says how to get it instead of offering a button that cannot work.

import { request } from './api.js';
import { lang } from './texts.js';

/** Registers sw.js for the pages under /m/; a browser without service workers simply stays online-only. */
export function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) {
    return;
  }
  navigator.serviceWorker.register(new URL('sw.js', import.meta.url), { scope: new URL('./', import.meta.url).pathname })
    .catch((error) => console.warn('service worker not registered', error));
}

/** Whether this browser can receive Web Push at all. */
export function pushSupported() {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** 'granted', 'denied' or 'default' (not asked yet); 'unsupported' without Web Push. */
export function pushPermission() {
  return pushSupported() ? Notification.permission : 'unsupported';
}

/** The VAPID key as the bytes pushManager.subscribe wants. */
function keyBytes(base64Url) {
  const base64 = base64Url.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * Subscribes this browser and registers the subscription with the server. Resolves to 'subscribed' or 'denied'
 * (the person said no); rejects with the API's refusal (ApiError) or the browser's error.
 */
export async function subscribeToPush() {
  const key = (await request('me/web-push-subscriptions/key', { auth: true })).data.publicKey;
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') {
    return 'denied';
  }
  const registration = await navigator.serviceWorker.ready;
  let subscription = await registration.pushManager.getSubscription();
  if (subscription && !sameKey(subscription, key)) {
    await subscription.unsubscribe(); // subscribed under another key (the city changed it): that one is dead
    subscription = null;
  }
  if (!subscription) {
    subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) });
  }
  const json = subscription.toJSON();
  await request('me/web-push-subscriptions', {
    method: 'POST',
    auth: true,
    body: { endpoint: json.endpoint, keys: json.keys, language: lang() },
  });
  return 'subscribed';
}

function sameKey(subscription, key) {
  const used = subscription.options && subscription.options.applicationServerKey;
  if (!used) {
    return true; // the browser does not say: keep it
  }
  const bytes = new Uint8Array(used);
  const wanted = keyBytes(key);
  return bytes.length === wanted.length && bytes.every((b, i) => b === wanted[i]);
}
