-- Walk-ins the door let in although every seat was taken: why, who decided and when. The registration itself is an
-- ordinary confirmed one, so events.confirmed goes above events.capacity (no CHECK ties the two); the waiting list
-- promotes nobody until confirmed is back below capacity (RegistrationStore.PromoteWaiting takes seats only then).
CREATE TABLE over_capacity_admissions (
    registration_id INTEGER PRIMARY KEY REFERENCES registrations(id),
    reason          TEXT NOT NULL,                 -- may describe the person: erased with their name (Retention)
    organiser_id    INTEGER NOT NULL REFERENCES organisers(id),
    admitted_at     TEXT NOT NULL
);
