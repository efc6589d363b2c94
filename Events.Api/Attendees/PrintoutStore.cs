using System.Data;
using Dapper;

namespace Events.Api.Attendees;

/// <summary>A confirmed attendee as the door list and the badges print them.</summary>
public sealed record PrintedAttendee(string FirstName, string LastName, string? Organisation, string TicketCode);

/// <summary>An accessibility need declared by someone confirmed or waiting.</summary>
public sealed record DeclaredNeed(string Text, string FirstName, string LastName, string Status);

/// <summary>The SQL of the printouts and the needs summary: reads registrations, writes nothing.</summary>
public static class PrintoutStore
{
    public static IReadOnlyList<PrintedAttendee> Confirmed(IDbConnection c, long eventId) =>
        c.Query<PrintedAttendee>("""
            SELECT first_name, last_name, organisation, ticket_code FROM registrations
            WHERE event_id = @eventId AND status = 'confirmed'
            """, new { eventId }).ToList();

    public static IReadOnlyList<DeclaredNeed> Needs(IDbConnection c, long eventId) =>
        c.Query<DeclaredNeed>("""
            SELECT accessibility_needs AS text, first_name, last_name, status FROM registrations
            WHERE event_id = @eventId AND status IN ('confirmed', 'waitlisted') AND TRIM(COALESCE(accessibility_needs, '')) <> ''
            """, new { eventId }).ToList();
}
