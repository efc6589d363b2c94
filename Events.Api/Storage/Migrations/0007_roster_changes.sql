-- The door's phones keep a copy of the roster and ask only for what changed since their last copy (GET
-- /api/v1/checkins/roster?since=…). Every change a phone must learn of appends the registration's id to this log: a
-- new registration, a change of status, names, organisation or ticket code, a check-in or its undo. Triggers write
-- it so that no writer (registration, cancellation, promotion, code replacement, erasure, check-in, over-capacity
-- admission) can forget. An append at the end of the table costs a check-in far less than stamping the registration
-- row and its index in place (random pages of a large table).
CREATE TABLE roster_changes (
    seq             INTEGER PRIMARY KEY,           -- grows with every change: the phones' cursor
    registration_id INTEGER NOT NULL
);

CREATE TRIGGER roster_registration_added AFTER INSERT ON registrations BEGIN
    INSERT INTO roster_changes (registration_id) VALUES (NEW.id);
END;

CREATE TRIGGER roster_registration_changed
AFTER UPDATE OF status, first_name, last_name, organisation, ticket_code ON registrations BEGIN
    INSERT INTO roster_changes (registration_id) VALUES (NEW.id);
END;

CREATE TRIGGER roster_checked_in AFTER INSERT ON checkins BEGIN
    INSERT INTO roster_changes (registration_id) VALUES (NEW.registration_id);
END;

CREATE TRIGGER roster_check_in_undone AFTER DELETE ON checkins BEGIN
    INSERT INTO roster_changes (registration_id) VALUES (OLD.registration_id);
END;
