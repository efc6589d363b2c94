-- The organisers' activity log: who did what, when, on which registration (or other object, named in detail).
-- Detail is a short text without personal data beyond what admins already see (a count, a filter, a role): the log is
-- kept as long as the event's figures, so a name typed into it would outlive the retention of registrations.
CREATE TABLE activity (
    id              INTEGER PRIMARY KEY,           -- grows with time: the list is read newest first by it
    organiser_id    INTEGER NOT NULL REFERENCES organisers(id),
    action          TEXT NOT NULL,                 -- a code, worded in FR/EN when shown (Organisers/ActivityLog.cs)
    registration_id INTEGER REFERENCES registrations(id),
    detail          TEXT,
    at              TEXT NOT NULL
);
CREATE INDEX activity_registration ON activity(registration_id) WHERE registration_id IS NOT NULL;

-- The attendee list searches and sorts names with accents and case ignored ("elodie" finds "Élodie"), which SQLite
-- cannot fold: each registration keeps its names folded (Security/NameMatch.cs), written with the names themselves
-- (Registration/SearchKeys.cs); rows from before this migration are folded at start-up (NULL until then).
ALTER TABLE registrations ADD COLUMN search_key TEXT;  -- first name, last name, e-mail, organisation
ALTER TABLE registrations ADD COLUMN sort_key TEXT;    -- last name, first name
-- So that a page of the list, by name or in order of arrival, is read in order rather than sorted.
CREATE INDEX registrations_event_sort ON registrations(event_id, sort_key, id);
CREATE INDEX registrations_event_created ON registrations(event_id, created_at, id);
