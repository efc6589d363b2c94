"""Seeds N registrations for the current event straight into the SQLite file: a realistic mix of statuses, names
with accents, organisations, accessibility needs, registration days over two months and arrivals over the morning."""
import hashlib, sqlite3, sys, datetime, random

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
FIRST = ["Élodie", "Jean", "Zoé", "Mathis", "Léa", "Noël", "Chloé", "Hugo", "Inès", "Gaël", "Anaïs", "Loïc"]
LAST = ["Lefèvre", "Dupont", "Ménard", "Durand", "Gérard", "Lemaître", "Bénard", "Caron", "Pâris", "Étienne"]
ORGS = ["Métropole Rouen Normandie", "Ville du Petit-Quevilly", "Université de Rouen", "Région Normandie", ""]
NEEDS = ["Fauteuil roulant", "fauteuil roulant", "Boucle magnétique", "Place près de l'écran", ""]

def code(i, prefix):
    digits = []
    for _ in range(27):
        digits.append(ALPHABET[i % 32]); i //= 32
    return prefix + "".join(reversed(digits))

def hashed(i, prefix):  # the database keeps only the SHA-256 of a code (SecretCode.Hash)
    return hashlib.sha256(code(i, prefix).encode("utf-8")).hexdigest()

db, n = sys.argv[1], int(sys.argv[2])
random.seed(42)
c = sqlite3.connect(db)
event_id, starts = c.execute("SELECT id, starts_at FROM events ORDER BY id DESC LIMIT 1").fetchone()
def parse(text):  # the app writes UTC instants with 7 fractional digits, which Python reads with 6
    head, _, tail = text.partition(".")
    return datetime.datetime.fromisoformat(head + "+00:00") if tail else datetime.datetime.fromisoformat(text)

def instant(dt):  # as the app writes them, so that they compare as strings
    return dt.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f0+00:00")

start = parse(starts)
rows, checkins = [], []
confirmed = waitlisted = 0
for i in range(n):
    status = "cancelled" if i % 20 == 0 else ("waitlisted" if i % 10 == 1 else "confirmed")
    created = start - datetime.timedelta(days=60) + datetime.timedelta(seconds=random.randint(0, 59 * 86400))
    seq = None
    if status == "confirmed": confirmed += 1
    if status == "waitlisted": waitlisted += 1; seq = waitlisted
    f, l = random.choice(FIRST), random.choice(LAST) + f" {i}"
    at = instant(created)
    rows.append((event_id, hashed(i, "M"), hashed(i, "T"), f, l, f"p{i}@example.org", f"p{i}@example.org", random.choice(ORGS),
                 random.choice(NEEDS) or None, "fr", status, seq, at, at, at if status == "cancelled" else None))
    if status == "confirmed" and i % 3 != 0:
        checkins.append((i, instant(start + datetime.timedelta(seconds=random.randint(-1800, 5400)))))
c.executemany("""INSERT INTO registrations (event_id, manage_code_hash, ticket_code_hash, first_name, last_name, email, email_key, organisation,
    accessibility_needs, language, status, waitlist_seq, created_at, updated_at, cancelled_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows)
ids = [r[0] for r in c.execute("SELECT id FROM registrations WHERE event_id = ? ORDER BY id", (event_id,))]
organiser = c.execute("SELECT id FROM organisers ORDER BY id LIMIT 1").fetchone()[0]
c.executemany("INSERT INTO checkins (registration_id, checked_in_at, organiser_id, device) VALUES (?, ?, ?, 'bench')",
              [(ids[i], at, organiser) for i, at in checkins])
c.execute("UPDATE events SET confirmed = ?, waitlisted = ?, waitlist_seq = ?, capacity = ? WHERE id = ?",
          (confirmed, waitlisted, waitlisted, confirmed, event_id))
c.commit()
print(f"seeded {n} registrations: {confirmed} confirmed ({len(checkins)} arrived), {waitlisted} waiting, {n - confirmed - waitlisted} cancelled")
