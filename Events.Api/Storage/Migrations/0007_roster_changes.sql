-- The door's phones keep a copy of the roster and ask only for what changed since their last copy (GET
-- /api/v1/checkins/roster?since=…). Every change a phone must learn of stamps the registration with the next value
-- of its event's roster sequence: a new registration, a change of status, names, organisation or ticket code, a
-- check-in or its undo. Triggers do it so that no writer (registration, cancellation, promotion, code replacement,
-- erasure, check-in, over-capacity admission) can forget; stamping roster_seq itself fires none of them.
ALTER TABLE events ADD COLUMN roster_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE registrations ADD COLUMN roster_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX registrations_roster ON registrations(event_id, roster_seq);

CREATE TRIGGER roster_registration_added AFTER INSERT ON registrations BEGIN
    UPDATE events SET roster_seq = roster_seq + 1 WHERE id = NEW.event_id;
    UPDATE registrations SET roster_seq = (SELECT roster_seq FROM events WHERE id = NEW.event_id) WHERE id = NEW.id;
END;

CREATE TRIGGER roster_registration_changed
AFTER UPDATE OF status, first_name, last_name, organisation, ticket_code ON registrations BEGIN
    UPDATE events SET roster_seq = roster_seq + 1 WHERE id = NEW.event_id;
    UPDATE registrations SET roster_seq = (SELECT roster_seq FROM events WHERE id = NEW.event_id) WHERE id = NEW.id;
END;

CREATE TRIGGER roster_checked_in AFTER INSERT ON checkins BEGIN
    UPDATE events SET roster_seq = roster_seq + 1 WHERE id = (SELECT event_id FROM registrations WHERE id = NEW.registration_id);
    UPDATE registrations SET roster_seq = (SELECT roster_seq FROM events WHERE id = registrations.event_id)
    WHERE id = NEW.registration_id;
END;

CREATE TRIGGER roster_check_in_undone AFTER DELETE ON checkins BEGIN
    UPDATE events SET roster_seq = roster_seq + 1 WHERE id = (SELECT event_id FROM registrations WHERE id = OLD.registration_id);
    UPDATE registrations SET roster_seq = (SELECT roster_seq FROM events WHERE id = registrations.event_id)
    WHERE id = OLD.registration_id;
END;
