-- The keys that sign cookies and antiforgery tokens (ASP.NET Core Data Protection) move from a folder beside the
-- database into it, so one backup file holds everything a restore needs: sessions and forms keep working after it.
CREATE TABLE data_protection_keys (
    name            TEXT PRIMARY KEY,
    xml             TEXT NOT NULL
);
-- One row that /healthz/ready rewrites: proof that a commit reaches the disk now (a full disk fails it).
CREATE TABLE storage_probe (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    written_at      TEXT NOT NULL
);
