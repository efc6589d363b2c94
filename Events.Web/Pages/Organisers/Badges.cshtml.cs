using Events.Api.Attendees;
using Events.Api.Organisers;
using Events.Api.Registration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers;

/// <summary>
/// Name badges for the confirmed attendees, printed from the browser on A4: 8 per sheet (2 × 4), each with the name,
/// the organisation and the event; with <c>qr=1</c>, the ticket's QR code too, so a badge can be scanned at the door.
/// Admins only: badges carry names and ticket codes.
/// </summary>
/// <remarks>
/// Fewer than everyone: <c>registration</c> (a row id, as in the attendee's own address) reprints one badge;
/// <c>status</c> (<c>confirmed</c>, <c>arrived</c>, <c>absent</c>, as on the attendee list) those of a filter. A
/// search is a name, so, as on the list, it only ever comes in a POST body, rendered without a redirect; a GET never
/// reads <c>q</c>.
/// </remarks>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class BadgesModel(Printouts printouts, Editions editions) : PageModel
{
    /// <summary>Badges on one A4 sheet: two columns of four, each about 9 × 6.5 cm.</summary>
    public const int PerSheet = 8;

    /// <summary>Whether the badges carry the ticket's QR code (<c>?qr=1</c>, the page's checkbox).</summary>
    public bool Qr { get; private set; }
    public IReadOnlyList<PrintedAttendee> People { get; private set; } = [];
    public string EventTitle { get; private set; } = "";
    /// <summary>What was asked for, carried by the QR checkbox's form so that ticking it keeps to the same badges.</summary>
    public AttendeeQuery Query { get; private set; } = AttendeeQuery.From(null, null, null, null);
    public long? Registration { get; private set; }

    public void OnGet(string? qr, string? status, long? registration) => Show(qr, AttendeeQuery.From(status, null, null, null), registration);

    /// <summary>The badges of a searched list (the list's "print the badges" form).</summary>
    public void OnPost(string? qr, string? status, string? q) => Show(qr, AttendeeQuery.From(status, q, null, null), null);

    private void Show(string? qr, AttendeeQuery query, long? registration)
    {
        (Qr, Query, Registration) = (qr == "1", query, registration);
        EventTitle = editions.Current().Title;
        People = printouts.Badges(query, registration, ticketCodes: Qr);
        Response.Headers.CacheControl = "no-store";
    }

    /// <summary>The statuses whose lists have badges to print: those of people holding a seat.</summary>
    public static bool HasBadges(string? status) => status is null or RegistrationStatus.Confirmed or "arrived" or "absent";
}
