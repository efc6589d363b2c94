// Loaded by the organiser sign-in page, where anyone lands once signed out (or when a session ended): the phone
// forgets the door's roster (names) and the pages the service worker kept. Scans not yet sent stay, codes only, and
// leave at the next sign-in on this phone. The keys are those of scanner.js.
(() => {
  'use strict';
  try { localStorage.removeItem('events.door.roster'); } catch { /* storage unavailable: nothing kept */ }
  if (window.caches) {
    caches.keys().then((names) => Promise.all(names.filter((n) => n.startsWith('events-door-')).map((n) => caches.delete(n)))).catch(() => {});
  }
})();
