using Events.Api.CheckIn;
using Events.Api.Organisers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Door;

/// <summary>
/// The door scanner. Without JavaScript it is a page of plain forms (typed code, name search, one-tap check-in,
/// undo); <c>/door/scanner.js</c> adds the camera, instant verdicts and the offline queue on top.
/// </summary>
[Authorize(Policy = Roles.DoorPolicy)]
public sealed class ScanModel(CheckInService checkIn) : PageModel
{
    public CheckInCounts Counts { get; private set; } = new(0, 0);
    public CheckInResult? Verdict { get; private set; }
    [BindProperty(Name = "q")] public string? Query { get; set; }
    public IReadOnlyList<RosterEntry> Results { get; private set; } = [];
    /// <summary>The ticket just let in, for the undo button: its code, or the registration chosen by name.</summary>
    public string? LastCode { get; private set; }
    public long? LastRegistrationId { get; private set; }
    /// <summary>A fresh retry key per form shown: re-posting the same form cannot check someone in twice.</summary>
    public string Nonce { get; } = Guid.NewGuid().ToString("N");

    public void OnGet() => Load();

    /// <summary>A post that names no handler (or one this page does not have) is refused, rather than rendering a page that was never loaded.</summary>
    public IActionResult OnPost() => BadRequest();

    /// <summary>A typed code, or (<paramref name="registrationId"/>) a person chosen from the name search's results.</summary>
    public async Task<IActionResult> OnPostCodeAsync(string? code, long? registrationId, string? nonce, string? device, CancellationToken ct)
    {
        if (registrationId is not null) code = null;
        if (!string.IsNullOrWhiteSpace(code) || registrationId is not null)
        {
            Verdict = await checkIn.CheckInAsync(new CheckInRequest(code, nonce, null, Device(device), registrationId), User.OrganiserId()!.Value, ct);
            if (Verdict.Outcome == CheckInOutcome.Accepted) (LastCode, LastRegistrationId) = (CheckInService.TicketCode(code), registrationId);
        }
        Load();
        return Page();
    }

    /// <summary>The name search is a POST, so names never appear in addresses or access logs.</summary>
    public void OnPostSearch() => Load();

    public async Task<IActionResult> OnPostUndoAsync(string? code, long? registrationId, string? device, CancellationToken ct)
    {
        Verdict = await checkIn.UndoAsync(new CheckInRequest(registrationId is null ? code : null, Device: Device(device), RegistrationId: registrationId),
                      User.OrganiserId()!.Value, ct)
                  ?? new CheckInResult("nothing_to_undo", null, null, null);
        Load();
        return Page();
    }

    private string? Device(string? device) => string.IsNullOrWhiteSpace(device) ? User.Identity?.Name : device;

    private void Load()
    {
        Counts = checkIn.Counts();
        Results = checkIn.Search(Query);
    }
}
