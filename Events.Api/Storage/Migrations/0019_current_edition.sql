-- Which edition is being run is a decision, not "the newest row": next year's edition is prepared as upcoming (a newer
-- row nobody sees) and made current in a second step, which an admin can undo until someone registers for it.
CREATE TABLE current_edition (
    only      INTEGER PRIMARY KEY CHECK (only = 1),
    event_id  INTEGER NOT NULL REFERENCES events(id)
);
INSERT INTO current_edition (only, event_id) SELECT 1, id FROM events ORDER BY id DESC LIMIT 1;
