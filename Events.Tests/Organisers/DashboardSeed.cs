using Dapper;
using Events.Tests.Attendees;
using Events.Tests.Infrastructure;

namespace Events.Tests.Organisers;

/// <summary>
/// A campaign the dashboard can be looked at with: <paramref name="people"/> registrations over five weeks before the
/// event's day, the last ones on the waiting list (capacity permitting), and arrivals at the door between 08:20 and
/// 10:00 on the day. Registered through the service, then dated by SQL before any page reads the charts.
/// </summary>
public static class DashboardSeed
{
    public static async Task CampaignAsync(this EventsApp app, int people = 180, int arrivals = 120)
    {
        for (var i = 0; i < people; i++) await app.PersonAsync($"Prénom{i:000}", $"Nom{i:000}", "Métropole Rouen Normandie");
        using var c = app.Db.OpenRead();
        // Days 0..34 from 22 May 2027: a slow start, a rush after the newsletter (day 20), a last wave before the day.
        var ids = c.Query<long>("SELECT id FROM registrations ORDER BY id").ToList();
        var start = new DateTimeOffset(2027, 5, 22, 7, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < ids.Count; i++)
        {
            var share = (double)i / ids.Count;
            var day = share < 0.2 ? share / 0.2 * 20 : share < 0.7 ? 20 + (share - 0.2) / 0.5 * 4 : 24 + (share - 0.7) / 0.3 * 10;
            var at = start.AddDays(Math.Floor(day)).AddMinutes(i % 600).ToString("yyyy-MM-ddTHH:mm:ss+00:00");
            c.Execute("UPDATE registrations SET created_at = @at, waitlisted_at = CASE WHEN waitlisted_at IS NULL THEN NULL ELSE @at END WHERE id = @id", new { at, id = ids[i] });
        }
        // Arrivals on 26 June 2027, 08:20 to 10:00 in Paris (06:20 to 08:00 UTC), most of them around 08:40.
        var confirmed = c.Query<long>("SELECT id FROM registrations WHERE status = 'confirmed' ORDER BY id LIMIT @arrivals", new { arrivals }).ToList();
        var door = new DateTimeOffset(2027, 6, 26, 6, 20, 0, TimeSpan.Zero);
        for (var i = 0; i < confirmed.Count; i++)
        {
            var x = (double)i / Math.Max(1, confirmed.Count);
            var minutes = 100 * x * x * (3 - 2 * x) * 0.6 + 100 * x * 0.4; // more at the start of the morning
            c.Execute("INSERT INTO checkins (registration_id, checked_in_at, device, organiser_id) VALUES (@id, @at, 'test', (SELECT MIN(id) FROM organisers))",
                new { id = confirmed[i], at = door.AddMinutes(minutes).ToString("yyyy-MM-ddTHH:mm:ss+00:00") });
        }
    }
}
