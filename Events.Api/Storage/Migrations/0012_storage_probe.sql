-- One row that /healthz/ready rewrites: proof that a commit reaches the disk now (a full disk fails it).
CREATE TABLE storage_probe (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    written_at      TEXT NOT NULL
);
