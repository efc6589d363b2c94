// Keeps the door scanner usable offline: the page, its script and stylesheet, and the QR decoder once fetched.
// API calls are never cached here: the page keeps its own roster and queue.
const CACHE = 'events-door-v1';
const SHELL = ['/door/scan', '/door/scanner.js', '/site.css'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('events-door-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

const cacheable = (url) => url.origin === self.location.origin &&
  (url.pathname === '/door/scan' || url.pathname.startsWith('/door/') || url.pathname.startsWith('/lib/jsqr/') || url.pathname === '/site.css');

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !cacheable(url) || url.pathname.startsWith('/api/')) return;
  const key = url.pathname === '/door/scan' && !url.search ? '/door/scan' : url.pathname;
  // Network first, so door staff always get the latest page and counts; the cached copy when offline.
  event.respondWith(fetch(request).then((response) => {
    if (response.ok && response.type === 'basic' && !response.redirected && (url.pathname !== '/door/scan' || !url.search)) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(key, copy));
    }
    return response;
  }).catch(() => caches.match(key).then((cached) => cached || Response.error())));
});
