-- Management and ticket codes are kept as every other secret is: only their SHA-256 (lower-case hex of the code's
-- UTF-8 bytes, SecretCode.Hash), looked up through the same unique indexes, so a copy of the database opens no
-- registration and lets nobody in. The app still has to show and send the codes again (ticket page links, e-mails,
-- badges): codes_sealed holds both, sealed with ASP.NET Core Data Protection, whose keys live beside the database,
-- not in it (Registration/CodeSeal.cs).
-- Renaming keeps the unique indexes and the roster trigger (now AFTER UPDATE OF ... ticket_code_hash). Rows written
-- before this migration still hold their codes in clear (28 characters, where a hash has 64) until the start-up
-- hashes them, 1,000 rows per unit of work (Registration/CodeHashing.cs); the partial index finds them without
-- reading the table, and is empty from then on.
ALTER TABLE registrations RENAME COLUMN manage_code TO manage_code_hash;
ALTER TABLE registrations RENAME COLUMN ticket_code TO ticket_code_hash;
ALTER TABLE registrations ADD COLUMN codes_sealed TEXT;
CREATE INDEX registrations_clear_codes ON registrations(id) WHERE length(ticket_code_hash) = 28;

-- The audit of scans kept what was scanned, a ticket code or link in clear, and the door page's name-search form
-- made its nonce from the code. Both are hashed at start-up the same way (CheckIn/ScanHashing.cs). From now on the
-- audit keeps the SHA-256 of what was scanned (lower-case hex; empty for a person chosen by name), and that form's
-- nonce is made from the registration's id.
CREATE INDEX checkin_scans_clear_codes ON checkin_scans(id) WHERE code <> '' AND (length(code) <> 64 OR code GLOB '*[^0-9a-f]*');
