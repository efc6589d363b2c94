-- Organisers' messages to attendees: one row per message sent (its words, audience, author and how many it went to).
-- The outbox rows it queued carry its id in outbox.batch, so the words are stored once however many receive them,
-- and the history counts queued, sent and failed from the outbox itself.
CREATE TABLE messages (
    id           INTEGER PRIMARY KEY,
    event_id     INTEGER NOT NULL REFERENCES events(id),
    organiser_id INTEGER NOT NULL REFERENCES organisers(id),
    audience     TEXT NOT NULL,
    subject      TEXT NOT NULL,
    body         TEXT NOT NULL,
    recipients   INTEGER NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX messages_event ON messages(event_id, id);

-- A number the writer of outbox rows groups them by (a message to many); the outbox gives it no other meaning.
ALTER TABLE outbox ADD COLUMN batch INTEGER;
CREATE INDEX outbox_batch ON outbox(batch) WHERE batch IS NOT NULL;
