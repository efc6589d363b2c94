-- Admins can take an organiser's access away (a lost phone, a volunteer who left): the row stays, because scans and
-- check-ins name who made them; sign-in and every session of that person are refused from then on.
ALTER TABLE organisers ADD COLUMN removed_at TEXT;
