// The door scanner: camera, instant verdicts, offline queue. The page works without this script (plain forms);
// this adds what only script can do. Decoding uses BarcodeDetector where it exists, else /lib/jsqr/jsQR.js,
// fetched from our own origin only when needed.
(() => {
  'use strict';
  const root = document.getElementById('scanner');
  if (!root) return;
  const t = root.dataset;
  const $ = (id) => document.getElementById(id);
  const [live, counter, queueEl, video, startBtn, stopBtn, camError, codeForm, codeInput, undoForm, undoBtn, deviceInput] =
    ['verdict', 'counter', 'queue', 'video', 'start', 'stop', 'camera-error', 'code-form', 'code', 'undo-form', 'undo', 'device'].map($);
  const KEY = { queue: 'events.door.queue', roster: 'events.door.roster', device: 'events.door.device' };
  const load = (k, fallback) => { try { return JSON.parse(localStorage.getItem(k)) ?? fallback; } catch { return fallback; } };
  const save = (k, v) => { try { localStorage.setItem(k, JSON.stringify(v)); } catch { /* storage full: keep going in memory */ } };
  const fmt = (s, ...a) => (s || '').replace(/\{(\d)\}/g, (_, i) => a[i] ?? '');
  const normalise = (text) => {
    const last = String(text).trim().replace(/\/+$/, '').split('/').pop();
    return last.replace(/[\s-]/g, '').toUpperCase();
  };

  let roster = load(KEY.roster, null);
  let queue = load(KEY.queue, []);
  let lastAccepted = null; // { code, name, nonce }
  let paused = false, resumeTimer = 0, stream = null, detector = null;
  let lastSeen = '', lastSeenAt = 0;

  // ---- device name, shared by every form and the queue
  $('device-box').hidden = false;
  deviceInput.value = load(KEY.device, '');
  const device = () => deviceInput.value.trim();
  const copyDevice = () => document.querySelectorAll('.device-copy').forEach((i) => { i.value = device(); });
  deviceInput.addEventListener('change', () => { save(KEY.device, device()); copyDevice(); });
  copyDevice();

  // ---- counter and queue
  const render = () => {
    if (roster) {
      const pending = queue.filter((q) => q.local === 'accepted').length;
      counter.textContent = fmt(t.counter, roster.checkedIn + pending, roster.confirmed);
    }
    queueEl.textContent = queue.length === 0 ? '' : queue.length === 1 ? t.queueOne : fmt(t.queueMany, queue.length);
  };
  const post = (url, body) => fetch(url, {
    method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const refreshRoster = async () => {
    try {
      const r = await fetch('/api/v1/checkins/roster', { credentials: 'same-origin', cache: 'no-store' });
      if (r.ok) { roster = await r.json(); save(KEY.roster, roster); }
    } catch { /* offline: keep the cached roster */ }
    render();
  };

  // ---- verdicts
  const who = (a) => (a ? `${a.firstName} ${a.lastName}${a.organisation ? ` (${a.organisation})` : ''}` : '');
  const clock = (iso) => (/T(\d\d:\d\d)/.exec(iso || '') || [])[1] || '';
  const dismiss = () => {
    clearTimeout(resumeTimer);
    live.replaceChildren();
    paused = false;
  };
  const show = (answer, offline) => {
    const a = answer.attendee;
    const [kind, icon, title] = {
      accepted: ['ok', '✓', fmt(t.welcome, who(a))],
      already_checked_in: ['warn', '!', fmt(t.already, clock(answer.checkedInAt), answer.device || '')],
      cancelled: ['bad', '✗', t.cancelled],
      not_confirmed: ['bad', '✗', t.notConfirmed],
      undone: ['info', '↺', fmt(t.undone, who(a))],
      nothing_to_undo: ['info', '↺', t.nothingToUndo],
    }[answer.outcome] || ['bad', '✗', t.unknown];
    const box = document.createElement('div');
    box.className = `verdict verdict-${kind}`;
    const line = (cls, text) => { const p = document.createElement('p'); p.className = cls; p.textContent = text; box.append(p); return p; };
    line('verdict-icon', icon).setAttribute('aria-hidden', 'true');
    line('verdict-title', title);
    if (a && !['accepted', 'undone'].includes(answer.outcome)) line('verdict-name', who(a));
    if (offline) line('verdict-note', t.offline);
    const more = document.createElement('button');
    more.type = 'button';
    more.className = 'verdict-continue';
    more.textContent = t.continue;
    box.append(more);
    box.addEventListener('click', dismiss);
    // Someone reading the verdict (pointer on it, or keyboard focus in it) keeps it on screen until they tap.
    const hold = () => clearTimeout(resumeTimer);
    box.addEventListener('mouseenter', hold);
    box.addEventListener('focusin', hold);
    live.replaceChildren(box);
    paused = true;
    if (navigator.vibrate) navigator.vibrate(kind === 'ok' ? 120 : [100, 80, 100, 80, 100]);
    clearTimeout(resumeTimer);
    resumeTimer = setTimeout(dismiss, kind === 'ok' ? 2500 : 4500);
  };

  // ---- the offline verdict: the cached roster says who it is and whether they are already in
  const localVerdict = (code) => {
    const entry = roster && roster.attendees.find((e) => e.code === code);
    if (!entry) return { outcome: 'unknown' };
    const attendee = { firstName: entry.firstName, lastName: entry.lastName, organisation: entry.organisation };
    if (entry.status === 'cancelled') return { outcome: 'cancelled', attendee };
    if (entry.status !== 'confirmed') return { outcome: 'not_confirmed', attendee };
    if (entry.checkedInAt) return { outcome: 'already_checked_in', attendee, checkedInAt: entry.checkedInAt, device: entry.device };
    const now = new Date();
    entry.checkedInAt = `T${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
    entry.device = device();
    save(KEY.roster, roster);
    return { outcome: 'accepted', attendee, checkedInAt: entry.checkedInAt, device: entry.device };
  };
  const remember = (code, answer, nonce) => {
    if (answer.outcome === 'accepted') {
      lastAccepted = { code, name: who(answer.attendee), nonce };
      undoForm.querySelector('input[name=code]').value = code;
      undoBtn.textContent = fmt(t.undo, `${answer.attendee.firstName} ${answer.attendee.lastName}`);
      undoForm.hidden = false;
    }
  };

  // ---- one scan: online it goes straight to the server; offline (or on a network error) it joins the queue
  const scan = async (raw) => {
    const code = normalise(raw);
    const item = { code: raw.slice(0, 200), nonce: crypto.randomUUID(), scannedAt: new Date().toISOString(), device: device() };
    if (navigator.onLine !== false) {
      try {
        const r = await post('/api/v1/checkins', item);
        if (r.ok) {
          const answer = await r.json();
          show(answer, false);
          remember(code, answer, item.nonce);
          if (answer.outcome === 'accepted') await refreshRoster();
          return;
        }
        if (r.status === 401 || r.status === 403) { camError.textContent = t.signedOut; camError.hidden = false; }
      } catch { /* network down: queue it */ }
    }
    const answer = localVerdict(code);
    queue.push({ ...item, local: answer.outcome });
    save(KEY.queue, queue);
    show(answer, true);
    remember(code, answer, item.nonce);
    render();
  };

  let syncing = false;
  const sync = async () => {
    if (syncing || queue.length === 0 || navigator.onLine === false) return;
    syncing = true;
    try {
      const batch = queue.slice(0, 200);
      const r = await post('/api/v1/checkins/batch', batch.map(({ local, ...scanned }) => scanned));
      if (r.ok) {
        const sent = new Set(batch.map((b) => b.nonce));
        queue = queue.filter((q) => !sent.has(q.nonce));
        save(KEY.queue, queue);
        await refreshRoster();
      }
    } catch { /* still offline */ } finally { syncing = false; }
    render();
  };

  // ---- undo: a queued scan is simply dropped; a sent one is undone on the server
  undoForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!lastAccepted) return;
    const { code, nonce } = lastAccepted;
    lastAccepted = null;
    undoForm.hidden = true;
    const queued = queue.findIndex((q) => q.nonce === nonce);
    if (queued >= 0) {
      const [dropped] = queue.splice(queued, 1);
      save(KEY.queue, queue);
      const entry = roster && roster.attendees.find((x) => x.code === code);
      if (entry) { entry.checkedInAt = null; save(KEY.roster, roster); }
      show({ outcome: 'undone', attendee: entry || { firstName: dropped.code, lastName: '' } }, true);
      render();
      return;
    }
    try {
      const r = await fetch(`/api/v1/checkins/${encodeURIComponent(code)}?device=${encodeURIComponent(device())}`, { method: 'DELETE', credentials: 'same-origin' });
      show(r.ok ? await r.json() : { outcome: 'nothing_to_undo' }, false);
      await refreshRoster();
    } catch { show({ outcome: 'nothing_to_undo' }, true); }
  });

  codeForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = codeInput.value.trim();
    if (!text) return;
    codeInput.value = '';
    scan(text);
  });
  // ---- name search without a network: the same rule as the server's, over the cached roster
  const searchForm = $('search-form'), searchInput = $('q'), offlineResults = $('offline-results');
  const fold = (text) => String(text || '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const el = (tag, text, cls) => { const e = document.createElement(tag); if (text) e.textContent = text; if (cls) e.className = cls; return e; };
  searchForm.addEventListener('submit', (e) => {
    if (navigator.onLine !== false || !roster) return; // online: the server answers, as without script
    e.preventDefault();
    const query = searchInput.value.trim();
    if (query.length < 2) return;
    const q = fold(query);
    const found = roster.attendees.filter((a) => a.status !== 'cancelled'
      && [a.firstName, a.lastName, `${a.firstName} ${a.lastName}`].some((n) => fold(n).startsWith(q))).slice(0, 20);
    const list = el('ul', '', 'results');
    for (const a of found) {
      const item = el('li');
      item.append(el('span', who(a), 'who'), ' ');
      if (a.checkedInAt) item.append(el('span', fmt(t.checkedInAt, clock(a.checkedInAt)), 'state'));
      else if (a.status === 'waitlisted') item.append(el('span', t.waitlisted, 'state'));
      else {
        const button = el('button', fmt(t.checkinPerson, `${a.firstName} ${a.lastName}`));
        button.type = 'button';
        button.addEventListener('click', () => { offlineResults.hidden = true; scan(a.code); });
        item.append(button);
      }
      list.append(item);
    }
    offlineResults.replaceChildren(el('p', t.offlineSearch, 'hint'), el('h2', fmt(t.searchResults, query)),
      found.length ? list : el('p', fmt(t.searchNone, query)));
    offlineResults.hidden = false;
  });

  live.addEventListener('click', dismiss);
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && paused) dismiss(); });

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
    video.hidden = true;
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
        await loadScript('/lib/jsqr/jsQR.js');
      }
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      stopBtn.hidden = false;
      tick();
    } catch {
      stop();
      camError.textContent = t.cameraError;
      camError.hidden = false;
    }
  };
  if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    startBtn.hidden = false;
    startBtn.addEventListener('click', start);
    stopBtn.addEventListener('click', stop);
  }

  // ---- offline: the service worker keeps this page and the decoder; the queue syncs when the network returns
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/door/sw.js', { scope: '/door/' }).catch(() => {});
  window.addEventListener('online', sync);
  setInterval(sync, 5000);
  setInterval(refreshRoster, 30000);
  render();
  refreshRoster().then(sync);
})();
