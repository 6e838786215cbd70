// The app's service worker. The shell (these files and the configuration) is served from the cache at once and
// refreshed behind it, so a second visit starts without a network. The member's current plan, today's session
// (every exercise's instructions in it), the progress, the screening questions with their safety advice and the
// sign-in discovery document are fetched from the network first and kept, so that they are there offline.
const VERSION = 'limber-shell-v4';
const DATA = 'limber-data';
const SHELL = [
  '/', '/manifest.webmanifest', '/config.json', '/icons/icon-192.png',
  '/js/main.js', '/js/auth.js', '/js/api.js', '/js/outbox.js', '/js/ui.js',
  '/js/screens/welcome.js', '/js/screens/intake.js', '/js/screens/intake-result.js', '/js/screens/today.js', '/js/screens/summary.js',
  '/js/screens/progress.js', '/js/screens/plan.js', '/js/screens/symptoms.js', '/js/screens/suspended.js',
  '/js/screens/messages.js', '/js/screens/reminders.js',
  '/js/screens/questionnaires.js', '/js/screens/questionnaire.js', '/js/screens/your-data.js',
];
const KEPT = [/\/members\/me\/plan$/, /\/members\/me\/plan\/today$/, /\/members\/me\/progress$/, /\/screening\/questions$/,
  /\/members\/me\/questionnaires$/, /\/questionnaires\/[A-Z]+$/,
  /\/\.well-known\/openid-configuration$/];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== VERSION && k !== DATA).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

async function shell(request) {
  const cache = await caches.open(VERSION);
  const key = request.mode === 'navigate' ? '/' : request;
  const cached = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
  const fresh = fetch(request).then((response) => {
    if (response.ok && request.mode !== 'navigate') cache.put(request, response.clone());
    else if (response.ok && new URL(request.url).search === '') cache.put('/', response.clone());
    return response;
  });
  if (cached) {
    fresh.catch(() => {});
    return cached;
  }
  return fresh;
}

async function kept(request) {
  const cache = await caches.open(DATA);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request.url, response.clone());
    return response;
  } catch (e) {
    const cached = await cache.match(request.url);
    if (cached) return cached;
    throw e;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin === self.location.origin) {
    if (!url.pathname.startsWith('/q/')) event.respondWith(shell(request));
  } else if (KEPT.some((pattern) => pattern.test(url.pathname))) {
    event.respondWith(kept(request));
  }
});

// Web Push (engagement-service, VAPID): a notification carries no health details, only "your session is waiting" or
// "a new message" and where to go. A payload that is not JSON is shown as its text; none at all as a plain nudge.
self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (e) {
    data = { body: event.data ? event.data.text() : '' };
  }
  const title = data.title || 'Limber';
  const options = {
    body: data.body || 'Something is waiting for you in Limber.',
    icon: '/icons/icon-192.png',
    badge: '/icons/icon-192.png',
    tag: data.tag || 'limber',
    data: { url: typeof data.url === 'string' && data.url.startsWith('/') ? data.url : '/' },
  };
  event.waitUntil(self.registration.showNotification(title, options));
});

// A tap on the notification opens the app (an open window of it is focused and sent to the address).
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL(event.notification.data?.url || '/', self.location.origin).href;
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
    const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
    if (open) return open.focus().then((w) => (w && 'navigate' in w ? w.navigate(target) : w));
    return self.clients.openWindow(target);
  }));
});
