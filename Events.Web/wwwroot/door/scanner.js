// The door scanner: camera, instant verdicts, a roster and a queue kept on the phone. The page works without this
// script (plain forms); this adds what only script can do. Decoding uses BarcodeDetector where it exists, else
// /lib/jsqr/jsQR.js, fetched from our own origin only when needed (at the fingerprinted address the page gives in
// data-decoder, cached for a year).
//
// What the phone keeps, in localStorage (shared by every tab of this site, so tabs never overwrite each other):
//   events.door.roster            the roster and its cursor, for offline verdicts; wiped at sign-out (and by forget.js).
//                                 It holds each ticket's codeHash (SHA-256), never its code: a lost phone lets nobody in
//                                 (what the phone scans is hashed, then looked up)
//   events.door.scan.<nonce>      one key per scan not yet on the server
//   events.door.refused.<nonce>   a scan the server refused as malformed: kept and counted, never resent
//   events.door.device            this phone's name
// No request waits longer than its timeout: a network that accepts a scan and never answers gets the phone's own
// verdict within 1.5 s, and the scan joins the queue under the same nonce, so the server counts it once.
(() => {
  'use strict';
  // Read while this script runs (currentScript is null afterwards); the plain address still works, uncached.
  const decoderUrl = document.currentScript?.dataset.decoder || '/lib/jsqr/jsQR.js';
  const root = document.getElementById('scanner');
  if (!root) return;
  const t = root.dataset;
  const $ = (id) => document.getElementById(id);
  const [live, counter, queueEl, video, startBtn, stopBtn, camError, codeForm, codeInput, undoForm, undoBtn, deviceInput,
    signinAgain, signoutForm, signoutNote, signoutBtn] =
    ['verdict', 'counter', 'queue', 'video', 'start', 'stop', 'camera-error', 'code-form', 'code', 'undo-form', 'undo', 'device',
      'signin-again', 'signout-form', 'signout-note', 'signout'].map($);
  const KEY = { roster: 'events.door.roster', device: 'events.door.device', scan: 'events.door.scan.', refused: 'events.door.refused.' };
  const TIMEOUT = { scan: 1500, sync: 8000, roster: 10000, undo: 3000 };
  const CHUNK = 100;       // scans per batch: about 15 KB, far under the server's 64 KB cap
  const PULL_EVERY = 20000; // the roster's changes, while the page is visible
  const fmt = (s, ...a) => (s || '').replace(/\{(\d)\}/g, (_, i) => a[i] ?? '');
  const normalise = (text) => {
    const last = String(text).trim().replace(/\/+$/, '').split('/').pop();
    return last.replace(/[\s-]/g, '').toUpperCase();
  };
  // What the roster keys tickets by: lower-case hex of the SHA-256 of the code's UTF-8 bytes (SecretCode.Hash on the
  // server). crypto.subtle exists on secure pages only, as the camera does; elsewhere the phone cannot decide offline.
  const hashOf = async (code) => {
    if (!window.crypto || !crypto.subtle) return null;
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code));
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  };
  const nonce = () => (crypto.randomUUID ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(''));
  const hhmm = (date) => `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  // Server times carry the event's offset: their wall-clock part is the event's time.
  const clock = (iso) => (/T(\d\d:\d\d)/.exec(iso || '') || [])[1] || '';

  // ---- storage: a full phone gives up the roster (it can be fetched again) before it gives up a scan
  const memory = new Map();
  const load = (k, fallback) => {
    if (memory.has(k)) return memory.get(k);
    try { return JSON.parse(localStorage.getItem(k)) ?? fallback; } catch { return fallback; }
  };
  const save = (k, v) => {
    const text = JSON.stringify(v);
    try { localStorage.setItem(k, text); memory.delete(k); return; } catch { /* full or unavailable */ }
    if (k !== KEY.roster) {
      try { localStorage.removeItem(KEY.roster); localStorage.setItem(k, text); memory.delete(k); return; } catch { /* still full */ }
    }
    memory.set(k, v);
  };
  const remove = (k) => { memory.delete(k); try { localStorage.removeItem(k); } catch { /* unavailable */ } };
  const keys = (prefix) => {
    const found = new Set([...memory.keys()].filter((k) => k.startsWith(prefix)));
    try { for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); if (k && k.startsWith(prefix)) found.add(k); } } catch { /* unavailable */ }
    return [...found];
  };
  const queued = () => keys(KEY.scan).map((k) => load(k, null)).filter(Boolean).sort((a, b) => (a.scannedAt < b.scannedAt ? -1 : 1));
  // The previous version kept the whole queue under one key, which two tabs overwrote: move it to one key per scan.
  for (const old of load('events.door.queue', [])) save(KEY.scan + old.nonce, old);
  remove('events.door.queue');

  // ---- the roster: { cursor, attendees }, looked up by the hash of a ticket code
  let roster = null, byHash = new Map();
  const useRoster = (value) => {
    // A roster kept by an earlier version held codes, not hashes: it is dropped and fetched again whole.
    roster = value && value.cursor && value.attendees.every((e) => e.codeHash) ? value : null;
    byHash = new Map(roster ? roster.attendees.map((e) => [e.codeHash, e]) : []);
  };
  useRoster(load(KEY.roster, null));
  const applyRoster = (answer) => {
    let attendees = answer.attendees;
    if (!answer.full && roster) {
      const byId = new Map(roster.attendees.map((e) => [e.id, e]));
      for (const e of answer.attendees) byId.set(e.id, e);
      attendees = [...byId.values()];
    }
    useRoster({ cursor: answer.cursor, attendees });
    save(KEY.roster, roster);
  };

  let lastAccepted = null; // { code or registrationId, key, nonce }
  let paused = false, resumeTimer = 0, returnFocus = null, stream = null, detector = null;
  let lastSeen = '', lastSeenAt = 0;

  // ---- device name, shared by every form and the queue
  $('device-box').hidden = false;
  deviceInput.value = load(KEY.device, '');
  const device = () => deviceInput.value.trim();
  const copyDevice = () => document.querySelectorAll('.device-copy').forEach((i) => { i.value = device(); });
  deviceInput.addEventListener('change', () => { save(KEY.device, device()); copyDevice(); });
  copyDevice();

  // ---- counter and queue, counted on the phone: the server's roster plus what waits to be sent
  const render = () => {
    const waiting = queued();
    if (roster) {
      let confirmed = 0, inside = 0;
      for (const e of roster.attendees) if (e.status === 'confirmed') { confirmed++; if (e.checkedInAt) inside++; }
      const mine = new Set(waiting.filter((q) => q.local === 'accepted' && !byHash.get(q.key)?.checkedInAt).map((q) => q.key));
      counter.textContent = fmt(t.counter, inside + mine.size, confirmed);
    }
    const refused = keys(KEY.refused).length;
    queueEl.textContent = [waiting.length === 0 ? '' : waiting.length === 1 ? t.queueOne : fmt(t.queueMany, waiting.length),
      refused ? fmt(t.refused, refused) : ''].filter(Boolean).join(' · ');
  };

  // ---- requests, each with its deadline
  const deadline = (ms) => {
    if (AbortSignal.timeout) return AbortSignal.timeout(ms);
    const c = new AbortController();
    setTimeout(() => c.abort(), ms);
    return c.signal;
  };
  const call = (url, ms, options = {}) => fetch(url, { credentials: 'same-origin', cache: 'no-store', ...options, signal: deadline(ms) });
  const postJson = (url, body, ms) => call(url, ms, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  let signedOut = false;
  const signInAgain = (yes) => { signedOut = yes; signinAgain.hidden = !yes; };

  // Only the changes since the phone's cursor: a few hundred bytes, not the whole roster again.
  let pulling = false;
  const pull = async () => {
    if (pulling) return;
    pulling = true;
    try {
      const r = await call(`/api/v1/checkins/roster${roster ? `?since=${encodeURIComponent(roster.cursor)}` : ''}`, TIMEOUT.roster);
      if (r.ok) {
        applyRoster(await r.json());
        if (signedOut) { signInAgain(false); sync(); }
      } else if (r.status === 401 || r.status === 403) signInAgain(true);
    } catch { /* offline or too slow: keep the roster we have */ } finally { pulling = false; }
    render();
  };

  // ---- verdicts
  const who = (a) => (a ? `${a.firstName} ${a.lastName}${a.organisation ? ` (${a.organisation})` : ''}` : '');
  const dismiss = () => {
    clearTimeout(resumeTimer);
    if (!paused) return;
    live.replaceChildren();
    paused = false;
    // Back to the control that scanned: the code box, or the camera's stop button while it runs.
    const back = returnFocus && returnFocus !== document.body && document.contains(returnFocus) && !returnFocus.closest('[hidden]')
      ? returnFocus : (stream ? stopBtn : codeInput);
    back.focus({ preventScroll: true });
  };
  const show = (answer, offline) => {
    const a = answer.attendee;
    const [kind, icon, title] = {
      accepted: ['ok', '✓', fmt(t.welcome, who(a))],
      already_checked_in: ['warn', '!', fmt(t.already, answer.localTime || clock(answer.checkedInAt), answer.device || '')],
      cancelled: ['bad', '✗', t.cancelled],
      not_confirmed: ['bad', '✗', t.notConfirmed],
      unverified: ['info', '?', t.unverified],
      undone: ['info', '↺', fmt(t.undone, who(a))],
      nothing_to_undo: ['info', '↺', t.nothingToUndo],
    }[answer.outcome] || ['bad', '✗', t.unknown];
    const box = document.createElement('div');
    box.className = `verdict verdict-${kind}`;
    const line = (cls, text) => { const p = document.createElement('p'); p.className = cls; p.textContent = text; box.append(p); return p; };
    line('verdict-icon', icon).setAttribute('aria-hidden', 'true');
    line('verdict-title', title);
    if (a && !['accepted', 'undone'].includes(answer.outcome)) line('verdict-name', who(a));
    if (answer.outcome === 'unverified') line('verdict-note', t.unverifiedNote);
    else if (offline) line('verdict-note', t.offline);
    const more = document.createElement('button');
    more.type = 'button';
    more.className = 'verdict-continue';
    more.textContent = t.continue;
    box.append(more);
    box.addEventListener('click', dismiss);
    if (!paused) returnFocus = document.activeElement;
    live.replaceChildren(box);
    paused = true;
    more.focus({ preventScroll: true }); // the verdict covers the page: focus must not stay behind it (WCAG 2.4.11)
    // Someone reading the verdict (pointer on it, or moving focus in it) keeps it on screen until they tap.
    const hold = () => clearTimeout(resumeTimer);
    box.addEventListener('mouseenter', hold);
    box.addEventListener('focusin', hold);
    if (navigator.vibrate) navigator.vibrate(kind === 'ok' ? 120 : [100, 80, 100, 80, 100]);
    clearTimeout(resumeTimer);
    resumeTimer = setTimeout(dismiss, kind === 'ok' ? 2500 : 4500);
  };

  // ---- the phone's own verdict: the roster says who it is, the roster and the queue whether they are already in
  const localVerdict = (key) => {
    if (!roster || !key) return { outcome: 'unverified' };
    const entry = byHash.get(key);
    if (!entry) return { outcome: 'unknown' };
    const attendee = { firstName: entry.firstName, lastName: entry.lastName, organisation: entry.organisation };
    if (entry.status === 'cancelled') return { outcome: 'cancelled', attendee };
    if (entry.status !== 'confirmed') return { outcome: 'not_confirmed', attendee };
    if (entry.checkedInAt) return { outcome: 'already_checked_in', attendee, checkedInAt: entry.checkedInAt, device: entry.device };
    const earlier = queued().find((q) => q.key === key && q.local === 'accepted');
    if (earlier) return { outcome: 'already_checked_in', attendee, localTime: earlier.localTime, device: earlier.device };
    return { outcome: 'accepted', attendee };
  };
  const remember = (item, key, answer) => {
    if (answer.outcome !== 'accepted') return;
    lastAccepted = { code: item.code === undefined ? undefined : normalise(item.code), registrationId: item.registrationId, key, nonce: item.nonce };
    undoForm.querySelector('input[name=code]').value = lastAccepted.code || '';
    undoBtn.textContent = fmt(t.undo, `${answer.attendee.firstName} ${answer.attendee.lastName}`);
    undoForm.hidden = false;
  };
  // What the server said of a scan is what the phone knows until the next pull.
  const learn = (key, answer) => {
    const entry = byHash.get(key);
    if (entry && answer.checkedInAt && ['accepted', 'already_checked_in'].includes(answer.outcome)) {
      entry.checkedInAt = answer.checkedInAt;
      entry.device = answer.device;
      save(KEY.roster, roster);
    }
  };

  // ---- one scan: the server's verdict if it answers within 1.5 s; else the phone's, and the scan joins the queue.
  // A scanned or typed text is sent as a code; a person chosen by name, by the roster's id.
  const scan = (raw) => { const text = String(raw); return check({ code: text.slice(0, 200) }, hashOf(normalise(text))); };
  const checkPerson = (entry) => check({ registrationId: entry.id }, Promise.resolve(entry.codeHash));
  const check = async (what, hashing) => {
    const item = { ...what, nonce: nonce(), scannedAt: new Date().toISOString(), device: device() };
    const keyed = hashing.catch(() => null); // hashed while the request is on its way
    if (navigator.onLine !== false) {
      try {
        const r = await postJson('/api/v1/checkins', item, TIMEOUT.scan);
        if (r.ok) {
          const answer = await r.json();
          const key = await keyed;
          show(answer, false);
          remember(item, key, answer);
          learn(key, answer);
          render();
          return;
        }
        if (r.status === 401 || r.status === 403) signInAgain(true);
      } catch { /* no answer in time, or no network: the phone decides */ }
    }
    const key = await keyed;
    const answer = localVerdict(key);
    save(KEY.scan + item.nonce, { ...item, key, local: answer.outcome, localTime: hhmm(new Date()) });
    show(answer, true);
    remember(item, key, answer);
    render();
  };

  // ---- the queue goes to the server in chunks, one tab at a time (the nonces make a double send harmless anyway)
  const oneTab = (work) => (navigator.locks
    ? navigator.locks.request('events.door.sync', { ifAvailable: true }, (lock) => (lock ? work() : undefined))
    : work());
  let syncing = false;
  const sync = async () => {
    if (syncing || signedOut || navigator.onLine === false || queued().length === 0) return;
    syncing = true;
    try { await oneTab(sendQueue); } catch { /* try again at the next tick */ } finally { syncing = false; }
    render();
  };
  const sendQueue = async () => {
    let size = CHUNK, sent = false;
    for (let waiting = queued(); waiting.length > 0; waiting = queued()) {
      const batch = waiting.slice(0, size);
      let r;
      try {
        r = await postJson('/api/v1/checkins/batch',
          batch.map(({ code, registrationId, nonce: n, scannedAt, device: d }) => ({ code, registrationId, nonce: n, scannedAt, device: d })), TIMEOUT.sync);
      }
      catch { break; } // no answer in time: everything stays queued
      if (r.ok) { batch.forEach((b) => remove(KEY.scan + b.nonce)); sent = true; continue; }
      if (r.status === 401 || r.status === 403) { signInAgain(true); break; }
      if (r.status === 413 && size > 1) { size = Math.ceil(size / 2); continue; }
      const bad = r.status === 400 ? Object.keys((await r.json().catch(() => ({}))).errors || {})
        .map((k) => /^\[(\d+)\]/.exec(k)).filter(Boolean).map((m) => batch[Number(m[1])]).filter(Boolean) : [];
      if (bad.length === 0) break; // the server is unwell: keep everything, try later
      for (const b of bad) { save(KEY.refused + b.nonce, b); remove(KEY.scan + b.nonce); }
    }
    if (sent) await pull();
  };

  // ---- undo: a queued scan is simply dropped; a sent one is undone on the server
  undoForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!lastAccepted) return;
    const { code, registrationId, key, nonce: itemNonce } = lastAccepted;
    lastAccepted = null;
    undoForm.hidden = true;
    const entry = byHash.get(key);
    const attendee = entry || { firstName: code || '', lastName: '' };
    if (load(KEY.scan + itemNonce, null)) {
      remove(KEY.scan + itemNonce);
      show({ outcome: 'undone', attendee }, true);
      render();
      return;
    }
    try {
      const which = code ? encodeURIComponent(code) : `registrations/${encodeURIComponent(registrationId)}`;
      const r = await call(`/api/v1/checkins/${which}?device=${encodeURIComponent(device())}`, TIMEOUT.undo, { method: 'DELETE' });
      show(r.ok ? await r.json() : { outcome: 'nothing_to_undo' }, false);
      if (r.ok && entry) { entry.checkedInAt = null; save(KEY.roster, roster); }
    } catch { show({ outcome: 'nothing_to_undo' }, true); }
    render();
  });

  codeForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = codeInput.value.trim();
    if (!text) return;
    codeInput.value = '';
    scan(text);
  });

  // ---- name search over the roster on the phone: instant, no network, the server's rule (NameMatch.cs)
  const searchForm = $('search-form'), searchInput = $('q'), offlineResults = $('offline-results');
  const fold = (text) => String(text || '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const el = (tag, text, cls) => { const e = document.createElement(tag); if (text) e.textContent = text; if (cls) e.className = cls; return e; };
  searchForm.addEventListener('submit', (e) => {
    if (!roster) return; // no roster yet: the server answers, as without script
    e.preventDefault();
    const query = searchInput.value.trim();
    if (query.length < 2) return;
    const q = fold(query);
    const found = roster.attendees.filter((a) => a.status !== 'cancelled'
      && [fold(a.firstName), fold(a.lastName), `${fold(a.firstName)} ${fold(a.lastName)}`].some((n) => n.startsWith(q)))
      .sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName)).slice(0, 20);
    const waiting = new Map(queued().filter((x) => x.local === 'accepted').map((x) => [x.key, x.localTime]));
    const list = el('ul', '', 'results');
    for (const a of found) {
      const item = el('li');
      item.append(el('span', who(a), 'who'), ' ');
      if (a.checkedInAt) item.append(el('span', fmt(t.checkedInAt, clock(a.checkedInAt)), 'state'));
      else if (a.status === 'waitlisted') item.append(el('span', t.waitlisted, 'state'));
      else if (waiting.has(a.codeHash)) item.append(el('span', fmt(t.checkedInAt, waiting.get(a.codeHash)), 'state'));
      else {
        const button = el('button', fmt(t.checkinPerson, `${a.firstName} ${a.lastName}`));
        button.type = 'button';
        button.addEventListener('click', () => { offlineResults.hidden = true; checkPerson(a); });
        item.append(button);
      }
      list.append(item);
    }
    const parts = [el('h2', fmt(t.searchResults, query)), found.length ? list : el('p', fmt(t.searchNone, query))];
    if (navigator.onLine === false) parts.unshift(el('p', t.offlineSearch, 'hint'));
    offlineResults.replaceChildren(...parts);
    offlineResults.hidden = false;
  });

  live.addEventListener('click', dismiss);
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && paused) dismiss(); });

  // ---- sign-out leaves no names on the phone; scans not yet sent stay (codes only) and the person is told
  const forget = () => {
    remove(KEY.roster);
    useRoster(null);
    const dropCaches = window.caches
      ? caches.keys().then((names) => Promise.all(names.filter((n) => n.startsWith('events-door-')).map((n) => caches.delete(n))))
      : Promise.resolve();
    return Promise.race([dropCaches.catch(() => {}), new Promise((resolve) => setTimeout(resolve, 500))]);
  };
  signoutForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!signoutForm.dataset.warned) await sync();
    const left = queued().length;
    if (left > 0 && !signoutForm.dataset.warned) {
      signoutForm.dataset.warned = '1';
      await forget();
      $('signout-note-text').textContent = left === 1 ? t.signoutKeptOne : fmt(t.signoutKept, left);
      signoutNote.hidden = false;
      signoutBtn.textContent = t.signoutAnyway;
      signoutNote.focus();
      render();
      return;
    }
    await forget();
    signoutForm.submit();
  });

  // ---- camera
  const loadScript = (src) => new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = resolve;
    s.onerror = reject;
    document.head.append(s);
  });
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const decode = async () => {
    if (detector) {
      const found = await detector.detect(video);
      return found.length ? found[0].rawValue : null;
    }
    const scale = Math.min(1, 640 / video.videoWidth);
    const w = Math.round(video.videoWidth * scale), h = Math.round(video.videoHeight * scale);
    if (!w || !h) return null;
    canvas.width = w;
    canvas.height = h;
    ctx.drawImage(video, 0, 0, w, h);
    const found = window.jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: 'dontInvert' });
    return found ? found.data : null;
  };
  const tick = async () => {
    if (!stream) return;
    try {
      if (video.readyState >= 2) {
        const text = await decode();
        const now = Date.now();
        // The same code held in front of the camera is sent once, not once per frame.
        if (text && (text !== lastSeen || now - lastSeenAt > 3000) && !paused) {
          lastSeen = text;
          lastSeenAt = now;
          scan(text);
        } else if (text === lastSeen) {
          lastSeenAt = now;
        }
      }
    } catch { /* a frame that cannot be read: try the next one */ }
    setTimeout(tick, 150);
  };
  const stop = () => {
    if (stream) stream.getTracks().forEach((track) => track.stop());
    stream = null;
    video.hidden = true; // no black box when the camera is off
    video.srcObject = null;
    stopBtn.hidden = true;
    startBtn.hidden = false;
  };
  const start = async () => {
    camError.hidden = true;
    startBtn.hidden = true;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      if ('BarcodeDetector' in window && (await window.BarcodeDetector.getSupportedFormats()).includes('qr_code')) {
        detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      } else if (!window.jsQR) {
        await loadScript(decoderUrl);
      }
      video.srcObject = stream;
      await video.play();
      video.hidden = false; // shown once it has a picture
      stopBtn.hidden = false;
      stopBtn.focus({ preventScroll: true });
      tick();
    } catch {
      stop();
      camError.textContent = t.cameraError;
      camError.hidden = false;
    }
  };
  if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    $('camera').hidden = false;
    startBtn.addEventListener('click', start);
    stopBtn.addEventListener('click', stop);
  }

  // ---- other tabs: their scans and roster changes show here too
  window.addEventListener('storage', (e) => {
    if (e.key === KEY.roster) useRoster(load(KEY.roster, null));
    if (e.key === null || e.key === KEY.roster || e.key.startsWith(KEY.scan) || e.key.startsWith(KEY.refused)) render();
  });

  // ---- offline: the service worker keeps this page and the decoder; the queue syncs when the network returns
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/door/sw.js', { scope: '/door/' }).catch(() => {});
  window.addEventListener('online', sync);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') pull(); });
  setInterval(sync, 5000);
  setInterval(() => { if (document.visibilityState === 'visible') pull(); }, PULL_EVERY);
  render();
  pull().then(sync);
})();
