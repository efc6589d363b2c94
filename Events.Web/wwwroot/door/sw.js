// Keeps the door scanner usable offline: the page, its script and stylesheet, and the QR decoder once fetched.
// API calls are never cached here: the page keeps its own roster and queue.
const CACHE = 'events-door-v2';
const SHELL = ['/door/scan', '/door/scanner.js', '/site.css'];
// On a network that accepts the request and never answers, the cached copy is served after this long.
const PATIENCE = 3000;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('events-door-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

const cacheable = (url) => url.origin === self.location.origin &&
  (url.pathname.startsWith('/door/') || url.pathname.startsWith('/lib/jsqr/') || url.pathname === '/site.css');

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !cacheable(url)) return;
  // One copy per file: the page without its query, scripts whatever their version stamp.
  if (url.pathname === '/door/scan' && url.search) return;
  const key = url.pathname;
  // Network first, so door staff get the latest page and counts; the cached copy when offline or too slow.
  event.respondWith((async () => {
    const network = fetch(request).then((response) => {
      if (response.ok && response.type === 'basic' && !response.redirected) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(key, copy));
      }
      return response;
    });
    const cached = await caches.match(key);
    if (!cached) return network;
    const slow = new Promise((resolve) => { setTimeout(() => resolve(cached), PATIENCE); });
    return Promise.race([network.catch(() => cached), slow]);
  })());
});
