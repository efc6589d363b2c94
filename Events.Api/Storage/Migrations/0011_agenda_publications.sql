-- Each table has one owner feature: when the agenda was published is the Agenda's to write, so it leaves the events
-- row (Registration's) for a table of its own. One row per published edition; no row: the agenda is coming.
CREATE TABLE agenda_publications (
    event_id        INTEGER PRIMARY KEY REFERENCES events(id),
    published_at    TEXT NOT NULL
);
INSERT INTO agenda_publications (event_id, published_at)
SELECT id, agenda_published_at FROM events WHERE agenda_published_at IS NOT NULL;
ALTER TABLE events DROP COLUMN agenda_published_at;
