-- Door check-in: one row per person let in, an audit row per scan, and single-use organiser tokens.
CREATE TABLE checkins (
    registration_id INTEGER PRIMARY KEY REFERENCES registrations(id),  -- one check-in per registration, whatever the race
    checked_in_at   TEXT NOT NULL,                 -- when the ticket was scanned (the device's clock, capped at receipt)
    device          TEXT NOT NULL DEFAULT '',
    organiser_id    INTEGER NOT NULL REFERENCES organisers(id)
);

-- Every scan, whatever its outcome: who, which device, when scanned, when received.
CREATE TABLE checkin_scans (
    id              INTEGER PRIMARY KEY,
    nonce           TEXT UNIQUE,                   -- the client's retry key: a replay returns the recorded answer
    code            TEXT NOT NULL,
    registration_id INTEGER REFERENCES registrations(id),
    organiser_id    INTEGER NOT NULL REFERENCES organisers(id),
    device          TEXT NOT NULL DEFAULT '',
    scanned_at      TEXT NOT NULL,
    received_at     TEXT NOT NULL,
    outcome         TEXT NOT NULL CHECK (outcome IN ('accepted', 'already_checked_in', 'unknown', 'cancelled', 'not_confirmed', 'undone')),
    checked_in_at   TEXT,                          -- the answer given: when that person was checked in
    checked_in_device TEXT
);

-- Invitation and first-admin setup links: only a SHA-256 of the token is stored; single use, expiring.
CREATE TABLE organiser_tokens (
    token_hash   TEXT PRIMARY KEY,
    purpose      TEXT NOT NULL CHECK (purpose IN ('invitation', 'setup')),
    organiser_id INTEGER REFERENCES organisers(id),  -- the invited account; null for the setup link
    expires_at   TEXT NOT NULL,
    used_at      TEXT,
    created_at   TEXT NOT NULL
);
