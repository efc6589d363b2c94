"""Inserts N confirmed registrations with distinct valid ticket codes straight into the SQLite file (fast)."""
import sqlite3, sys, datetime

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"

def code(i, prefix="B"):
    digits = []
    for _ in range(27):
        digits.append(ALPHABET[i % 32])
        i //= 32
    return prefix + "".join(reversed(digits))

db, n = sys.argv[1], int(sys.argv[2])
c = sqlite3.connect(db)
now = datetime.datetime.now(datetime.timezone.utc).isoformat()
event_id = c.execute("SELECT id FROM events ORDER BY id DESC LIMIT 1").fetchone()[0]
c.executemany(
    """INSERT INTO registrations (event_id, manage_code, ticket_code, first_name, last_name, email, email_key, organisation,
       language, status, created_at, updated_at, search_key, sort_key)
       VALUES (?, ?, ?, 'Bench', ?, ?, ?, 'Load test', 'fr', 'confirmed', ?, ?, ?, ?)""",
    # search_key and sort_key folded as the app writes them (Registration/SearchKeys.cs), so none is left to fold at start.
    ((event_id, code(i, "M"), code(i), f"Person {i}", f"p{i}@example.org", f"p{i}@example.org", now, now,
      f"bench person {i} p{i}@example.org load test", f"person {i} bench") for i in range(n)))
c.execute("UPDATE events SET confirmed = confirmed + ?, capacity = max(capacity, confirmed + ?) WHERE id = ?", (n, n, event_id))
c.commit()
print(f"seeded {n} registrations")
