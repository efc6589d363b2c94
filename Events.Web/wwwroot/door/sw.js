// Keeps the door scanner usable offline: the page, its script and stylesheets, and the QR decoder once fetched.
// API calls are never cached here: the page keeps its own roster and queue.
// Pages name static files by fingerprinted addresses (/site.k3xq7h1m2p.css, served with a year's caching): one copy
// is kept per file under its plain address (/site.css, which the server also answers), so that the shell precached
// below answers for whichever fingerprint the cached page names.
const CACHE = 'events-door-v4';
const SHELL = ['/door/scan', '/door/scanner.js', '/site.css', '/work.css'];
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

const FINGERPRINT = /\.[a-z0-9]{10}(\.(?:css|js))$/;
const plain = (pathname) => pathname.replace(FINGERPRINT, '$1');
const cacheable = (url) => url.origin === self.location.origin &&
  (url.pathname.startsWith('/door/') || url.pathname.startsWith('/lib/jsqr/') || ['/site.css', '/work.css'].includes(plain(url.pathname)));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !cacheable(url)) return;
  // One copy per file: the page without its query, scripts and stylesheet whatever their fingerprint.
  if (url.pathname === '/door/scan' && url.search) return;
  const key = plain(url.pathname);
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
