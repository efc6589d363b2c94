-- Reminders: each confirmed attendee gets one reminder e-mail some hours before the start (Events:Reminders:HoursBefore);
-- reminded_at says it was queued, so a restart never sends it twice. How to come (public transport, cycling) is a text
-- of the event's, in both languages, shown in the reminder.
ALTER TABLE registrations ADD COLUMN reminded_at TEXT;
ALTER TABLE events ADD COLUMN how_to_come_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN how_to_come_en TEXT NOT NULL DEFAULT '';
