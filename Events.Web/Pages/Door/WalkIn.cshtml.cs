using Events.Api.CheckIn;
using Events.Api.Organisers;
using Events.Api.Registration;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Door;

/// <summary>
/// Someone arrives without registering: door staff register them with the usual rules (a seat if one is left), until
/// the event ends, and check them in at once; the ticket e-mail follows as for anyone else.
/// </summary>
[Authorize(Policy = Roles.DoorPolicy)]
public sealed class WalkInModel(RegistrationService registrations, CheckInService checkIn, UiText t) : PageModel
{
    [BindProperty] public Form Input { get; set; } = new();
    public Dictionary<string, string> Errors { get; } = [];
    public CheckInResult? Verdict { get; private set; }
    public string? Refusal { get; private set; }
    public string? Err(string field) => Errors.TryGetValue(field, out var e) ? e : null;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        switch (await registrations.RegisterWalkInAsync(Input.ToInput(t.Lang), ct))
        {
            case RegisterOutcome.Created(var r, _) when r.Status == RegistrationStatus.Confirmed:
                Verdict = await checkIn.CheckInAsync(new CheckInRequest(r.TicketCode, Device: User.Identity?.Name), User.OrganiserId()!.Value, ct);
                Input = new();
                break;
            case RegisterOutcome.Created:
                Refusal = t["walkin_full"];
                break;
            case RegisterOutcome.Duplicate:
                Refusal = t["walkin_duplicate"];
                break;
            case RegisterOutcome.Closed:
                Refusal = t["walkin_closed"];
                break;
            case RegisterOutcome.Invalid(var errors):
                foreach (var (field, keys) in errors) Errors[field] = t[keys[0]];
                break;
        }
        return Page();
    }

    public sealed class Form
    {
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? Email { get; set; }
        public string? Organisation { get; set; }
        public bool Consent { get; set; }

        public RegistrationInput ToInput(string lang) => new(FirstName, LastName, Email, Organisation, null, lang, Consent);
    }
}
