"""Inserts N confirmed registrations with distinct valid ticket codes straight into the SQLite file (fast).

The database keeps only the codes' SHA-256 (lower-case hex, as SecretCode.Hash writes it) and no sealed copy: these
rows can be checked in, not e-mailed. With a third argument, the ticket codes are also written there, one a line, in
the order of the rows (for bench/DoorBench, which types them).
"""
import datetime, hashlib, sqlite3, sys

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"

def code(i, prefix="B"):
    digits = []
    for _ in range(27):
        digits.append(ALPHABET[i % 32])
        i //= 32
    return prefix + "".join(reversed(digits))

def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

db, n = sys.argv[1], int(sys.argv[2])
c = sqlite3.connect(db)
# Hashes arrive in random order in the two unique indexes: a large cache keeps their pages in memory while seeding
# (the app is stopped, and the page cache is dropped before it starts again).
c.execute("PRAGMA cache_size = -2000000")
now = datetime.datetime.now(datetime.timezone.utc).isoformat()
event_id = c.execute("SELECT id FROM events ORDER BY id DESC LIMIT 1").fetchone()[0]
c.executemany(
    """INSERT INTO registrations (event_id, manage_code_hash, ticket_code_hash, first_name, last_name, email, email_key, organisation,
       language, status, created_at, updated_at, search_key, sort_key)
       VALUES (?, ?, ?, 'Bench', ?, ?, ?, 'Load test', 'fr', 'confirmed', ?, ?, ?, ?)""",
    # search_key and sort_key folded as the app writes them (Registration/SearchKeys.cs), so none is left to fold at start.
    ((event_id, sha256(code(i, "M")), sha256(code(i)), f"Person {i}", f"p{i}@example.org", f"p{i}@example.org", now, now,
      f"bench person {i} p{i}@example.org load test", f"person {i} bench") for i in range(n)))
c.execute("UPDATE events SET confirmed = confirmed + ?, capacity = max(capacity, confirmed + ?) WHERE id = ?", (n, n, event_id))
c.commit()
if len(sys.argv) > 3:
    with open(sys.argv[3], "w") as f:
        f.writelines(code(i) + "\n" for i in range(n))
print(f"seeded {n} registrations")
