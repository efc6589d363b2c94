-- Organiser sign-ins as rows, so that signing out or taking access away ends a cookie on the server: a cookie copied
-- before (a lost phone) opens nothing afterwards, and restoring someone's access revives none of their old sessions.
-- Only a SHA-256 of the session id is kept (the id itself travels in the encrypted cookie), as for organiser_tokens:
-- a copy of the database, a backup say, gives no one a session to ride on.
CREATE TABLE organiser_sessions (
    id_hash         TEXT PRIMARY KEY,              -- SHA-256 (hex) of the 140-bit SecretCode in the cookie
    organiser_id    INTEGER NOT NULL REFERENCES organisers(id),
    created_at      TEXT NOT NULL,
    ended_at        TEXT                           -- signed out, or access removed; null while live
);
CREATE INDEX organiser_sessions_live_by_organiser ON organiser_sessions (organiser_id) WHERE ended_at IS NULL;
