-- Speakers and the agenda: rooms, sessions, speakers, their single-use sign-in links, and the publication state.
ALTER TABLE events ADD COLUMN agenda_published_at TEXT;   -- null: the public page says the agenda is coming

CREATE TABLE rooms (
    id            INTEGER PRIMARY KEY,
    event_id      INTEGER NOT NULL REFERENCES events(id),
    name          TEXT NOT NULL,
    seats         INTEGER NOT NULL DEFAULT 0 CHECK (seats >= 0),
    accessibility TEXT NOT NULL DEFAULT ''
);

CREATE TABLE speakers (
    id            INTEGER PRIMARY KEY,
    event_id      INTEGER NOT NULL REFERENCES events(id),
    email         TEXT NOT NULL,
    email_key     TEXT NOT NULL,                 -- trimmed, lower-case
    display_name  TEXT NOT NULL,
    organisation  TEXT NOT NULL DEFAULT '',
    job_title     TEXT NOT NULL DEFAULT '',
    bio           TEXT NOT NULL DEFAULT '',
    web_link      TEXT,
    language      TEXT NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (event_id, email_key)
);

-- Only the SHA-256 of a link's token is kept: a copy of the database does not let anyone sign in.
CREATE TABLE speaker_links (
    id          INTEGER PRIMARY KEY,
    speaker_id  INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
    token_hash  TEXT NOT NULL UNIQUE,
    purpose     TEXT NOT NULL CHECK (purpose IN ('invitation', 'signin')),
    expires_at  TEXT NOT NULL,
    used_at     TEXT,
    created_at  TEXT NOT NULL
);

CREATE TABLE sessions (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events(id),
    uid         TEXT NOT NULL UNIQUE,             -- the iCalendar UID: never changes
    title       TEXT NOT NULL,
    abstract    TEXT NOT NULL DEFAULT '',
    format      TEXT NOT NULL CHECK (format IN ('keynote', 'talk', 'round_table', 'workshop')),
    language    TEXT NOT NULL CHECK (language IN ('fr', 'en')),
    starts_at   TEXT NOT NULL,                    -- ISO 8601, UTC
    ends_at     TEXT NOT NULL,
    room_id     INTEGER REFERENCES rooms(id),
    equipment   TEXT NOT NULL DEFAULT '',
    is_public   INTEGER NOT NULL DEFAULT 1 CHECK (is_public IN (0, 1)),
    changed_at  TEXT,                             -- time, room or title changed after publication
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX sessions_by_time ON sessions(event_id, starts_at);

CREATE TABLE session_speakers (
    session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    speaker_id  INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, speaker_id)
);
CREATE INDEX session_speakers_by_speaker ON session_speakers(speaker_id);
