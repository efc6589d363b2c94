-- When someone joined the waiting list and when the list gave them a seat: the dashboard draws the waiting list over
-- time from these. Until now a promotion left no trace on the registration (waitlist_seq is cleared, updated_at moves
-- on with any later edit, and the outbox rows that said "promoted" are deleted by retention), and a cancelled row did
-- not say whether it had been waiting. Someone waits from waitlisted_at until promoted_at, else until cancelled_at.
ALTER TABLE registrations ADD COLUMN waitlisted_at TEXT;
ALTER TABLE registrations ADD COLUMN promoted_at TEXT;

-- What can be recovered of the past: those still waiting, and the outbox rows still there.
UPDATE registrations SET waitlisted_at = created_at
WHERE status = 'waitlisted'
   OR id IN (SELECT registration_id FROM outbox WHERE kind IN ('waitlisted', 'promoted') AND registration_id IS NOT NULL);
-- Only a promotion turns a waiting registration into a confirmed one; without its outbox row, its last change is the best guess.
UPDATE registrations SET promoted_at = COALESCE(
    (SELECT MIN(o.created_at) FROM outbox o WHERE o.kind = 'promoted' AND o.registration_id = registrations.id), updated_at)
WHERE status = 'confirmed' AND waitlisted_at IS NOT NULL;
