using System.Data;
using Dapper;

namespace Events.Api.Attendees;

/// <summary>A confirmed attendee as the door list and the badges print them; the ticket code only for badges with a QR code.</summary>
public sealed record PrintedAttendee(string FirstName, string LastName, string? Organisation, string? TicketCode);

/// <summary>An accessibility need declared by someone confirmed or waiting.</summary>
public sealed record DeclaredNeed(string Text, string FirstName, string LastName, string Status);

/// <summary>The SQL of the printouts and the needs summary: reads registrations, writes nothing.</summary>
public static class PrintoutStore
{
    /// <summary>The confirmed, with the sealed copy of their codes (opened only for badges that print the QR code).</summary>
    public static IReadOnlyList<(string FirstName, string LastName, string? Organisation, string? CodesSealed)> Confirmed(IDbConnection c, long eventId) =>
        c.Query<(string, string, string?, string?)>("""
            SELECT first_name, last_name, organisation, codes_sealed FROM registrations
            WHERE event_id = @eventId AND status = 'confirmed'
            """, new { eventId }).AsList();

    /// <summary>
    /// The confirmed among the registrations the attendee list shows for <paramref name="query"/>'s status filter and
    /// search (AttendeeStore's own SQL; a waiting or cancelled registration holds no seat, so gets no badge), or the
    /// one registration <paramref name="registrationId"/>.
    /// </summary>
    public static IReadOnlyList<(string FirstName, string LastName, string? Organisation, string? CodesSealed)> Badges(
        IDbConnection c, long eventId, AttendeeQuery query, long? registrationId) =>
        c.Query<(string, string, string?, string?)>("""
            SELECT r.first_name, r.last_name, r.organisation, r.codes_sealed
            FROM registrations r LEFT JOIN checkins k ON k.registration_id = r.id
            WHERE r.event_id = @eventId AND r.status = 'confirmed' AND (@registrationId IS NULL OR r.id = @registrationId)
            """ + AttendeeStore.SearchSql + (query.Status is { } s ? AttendeeStore.StatusSql[s] : ""),
            new { eventId, registrationId, q = query.Folded }).ToList();

    public static IReadOnlyList<DeclaredNeed> Needs(IDbConnection c, long eventId) =>
        c.Query<DeclaredNeed>("""
            SELECT accessibility_needs AS text, first_name, last_name, status FROM registrations
            WHERE event_id = @eventId AND status IN ('confirmed', 'waitlisted') AND TRIM(COALESCE(accessibility_needs, '')) <> ''
            """, new { eventId }).ToList();
}
