// The service worker of the citizen mobile web (scope /m/): an offline shell and Web Push.
//
// Offline shell: the page and its static modules are cached at install, served cache-first and refreshed in the
// background, so the app opens (and says it is offline) without a network. The API is network-first and never
// cached: a poll, a result or a token must never be an old copy. Web Push: the city's server encrypts
// {"title","body","link"} for this browser (RFC 8291); the browser decrypts it and hands it to the push handler,
// which shows it; a tap opens the link inside the app.
//
// A classic script, not a module (Safari's service workers), with no imports and no text of its own: every word
// shown comes from the push message, written by the server in the citizen's language.

const CACHE = 'mvoting-shell-v1';
const SHELL = [
  './', 'index.html', 'app.css', 'app.js', 'api.js', 'dom.js', 'enums.js', 'format.js', 'limits.js', 'live.js',
  'qr.js', 'router.js', 'storage.js', 'texts.js', 'push.js', 'manifest.webmanifest',
  'icons/icon-192.png', 'icons/icon-512.png',
  'views/citizen-polls.js', 'views/create-poll.js', 'views/event-live.js', 'views/events.js', 'views/invitees.js',
  'views/login.js', 'views/me.js', 'views/polls.js', 'views/profile.js', 'views/question-editor.js', 'views/results.js',
  'views/vote.js',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return; // the browser's own handling: votes (POST) and anything elsewhere never touch the cache
  }
  if (url.pathname.includes('/api/')) {
    // network-first, and a failure is the API's to report: the page shows its own "cannot reach the server"
    event.respondWith(fetch(request));
    return;
  }
  if (!url.pathname.startsWith(new URL('./', self.location).pathname)) {
    return;
  }
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const cached = await cache.match(request, { ignoreSearch: true });
    const fresh = fetch(request).then((response) => {
      if (response.ok) {
        cache.put(request, response.clone());
      }
      return response;
    });
    if (cached) {
      event.waitUntil(fresh.catch(() => undefined)); // refresh for next time; offline keeps the cached copy
      return cached;
    }
    return fresh;
  }));
});

/** The push message's JSON; anything else is shown as its text (never dropped: a push must show something). */
function readPush(data) {
  if (!data) {
    return {};
  }
  try {
    return data.json();
  } catch {
    return { body: data.text() };
  }
}

/** Only a link inside this app is opened: a push cannot send the citizen to another site. */
function appLink(link) {
  const scope = new URL('./', self.location);
  if (typeof link === 'string' && link.length > 0) {
    const target = new URL(link, self.location.origin);
    if (target.origin === scope.origin) {
      return target.href;
    }
  }
  return scope.href;
}

self.addEventListener('push', (event) => {
  const message = readPush(event.data);
  const link = appLink(message.link);
  event.waitUntil(self.registration.showNotification(message.title || 'mVoting', {
    body: message.body || '',
    icon: new URL('icons/icon-192.png', self.location).href,
    badge: new URL('icons/icon-192.png', self.location).href,
    tag: link, // a second push about the same poll replaces the first instead of piling up
    data: { link },
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const link = appLink(event.notification.data && event.notification.data.link);
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
    const open = windows.find((client) => client.url.startsWith(new URL('./', self.location).href));
    if (open) {
      return open.navigate(link).then((client) => (client || open).focus());
    }
    return self.clients.openWindow(link);
  }));
});
