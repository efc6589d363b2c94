-- The event, its registrations, and the mail outbox that registration already writes to.
CREATE TABLE events (
    id                     INTEGER PRIMARY KEY,
    title                  TEXT NOT NULL,
    description_fr         TEXT NOT NULL DEFAULT '',
    description_en         TEXT NOT NULL DEFAULT '',
    starts_at              TEXT NOT NULL,          -- ISO 8601 with offset
    ends_at                TEXT NOT NULL,
    time_zone              TEXT NOT NULL DEFAULT 'Europe/Paris',
    venue                  TEXT NOT NULL,
    address                TEXT NOT NULL,
    capacity               INTEGER NOT NULL CHECK (capacity >= 0),
    confirmed              INTEGER NOT NULL DEFAULT 0 CHECK (confirmed >= 0),  -- counters kept in the write transaction
    waitlisted             INTEGER NOT NULL DEFAULT 0 CHECK (waitlisted >= 0),
    waitlist_seq           INTEGER NOT NULL DEFAULT 0,
    registration_opens_at  TEXT,
    registration_closes_at TEXT
);

CREATE TABLE registrations (
    id                  INTEGER PRIMARY KEY,
    event_id            INTEGER NOT NULL REFERENCES events(id),
    manage_code         TEXT NOT NULL UNIQUE,
    ticket_code         TEXT NOT NULL UNIQUE,
    first_name          TEXT NOT NULL,
    last_name           TEXT NOT NULL,
    email               TEXT NOT NULL,
    email_key           TEXT NOT NULL,              -- trimmed, lower-case: the duplicate check
    organisation        TEXT,
    accessibility_needs TEXT,
    language            TEXT NOT NULL CHECK (language IN ('fr', 'en')),
    status              TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
    waitlist_seq        INTEGER,                    -- order on the waiting list
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    cancelled_at        TEXT
);
-- One live registration per address and event; a cancelled one does not block registering again.
CREATE UNIQUE INDEX registrations_one_per_email ON registrations(event_id, email_key) WHERE status <> 'cancelled';
CREATE INDEX registrations_waitlist ON registrations(event_id, waitlist_seq) WHERE status = 'waitlisted';

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,                  -- confirmed, waitlisted, promoted, cancelled, duplicate, ...
    registration_id INTEGER REFERENCES registrations(id),
    payload         TEXT,                           -- JSON for messages not tied to a registration
    status          TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    sent_at         TEXT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
