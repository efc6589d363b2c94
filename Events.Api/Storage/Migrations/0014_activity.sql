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

-- The attendee list pages through an event's registrations in order of arrival without sorting them all.
CREATE INDEX registrations_event_created ON registrations(event_id, created_at, id);
