using Events.Api.CheckIn;
using Events.Api.Organisers;
using Events.Api.Registration;
using Events.Web.Localisation;
using Events.Web.Pages.Organisers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Door;

/// <summary>
/// Someone arrives without registering: door staff register them (a seat if one is left, until the event ends) and
/// check them in at once; the ticket e-mail follows as for anyone else. When the event is full the page says so and
/// asks for a reason before admitting the person over capacity; nobody is put on the waiting list from the door.
/// </summary>
[Authorize(Policy = Roles.DoorPolicy)]
public sealed class WalkInModel(RegistrationService registrations, CheckInService checkIn, ActivityLog activity, UiText t) : PageModel
{
    /// <summary>The value of the "Admit over capacity" button.</summary>
    public const string AdmitOverCapacity = "over-capacity";

    [BindProperty] public Form Input { get; set; } = new();
    public Dictionary<string, string> Errors { get; } = [];
    public CheckInResult? Verdict { get; private set; }
    public bool AdmittedOverCapacity { get; private set; }
    public string? Refusal { get; private set; }
    /// <summary>The event is full (or the reason was missing): the reason field and its button are shown.</summary>
    public bool AsksReason { get; private set; }
    public string? Err(string field) => Errors.TryGetValue(field, out var e) ? e : null;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var organiserId = User.OrganiserId()!.Value;
        var reason = Input.Admit == AdmitOverCapacity ? Input.OverCapacityReason ?? "" : null;
        switch (await registrations.RegisterWalkInAsync(Input.ToInput(t.Lang), reason, organiserId, ct))
        {
            case RegisterOutcome.Created(var r, _, var codes) created:
                Verdict = await checkIn.CheckInAsync(new CheckInRequest(codes.Ticket, Device: User.Identity?.Name), organiserId, ct);
                AdmittedOverCapacity = created.OverCapacity;
                if (created.OverCapacity) await activity.RecordAsync(User, ActivityActions.WalkInOverCapacity, r.Id, ct: ct);
                Input = new();
                break;
            case RegisterOutcome.Full(var confirmed, var capacity):
                Refusal = t.Format("walkin_full", confirmed, capacity);
                AsksReason = true;
                break;
            case RegisterOutcome.Duplicate:
                Refusal = t["walkin_duplicate"];
                break;
            case RegisterOutcome.Closed:
                Refusal = t["walkin_closed"];
                break;
            case RegisterOutcome.Invalid(var errors):
                foreach (var (field, keys) in errors) Errors[field] = t.FieldError(field, keys[0]);
                AsksReason = reason is not null;
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
        public string? OverCapacityReason { get; set; }
        /// <summary>Which button was pressed: <see cref="AdmitOverCapacity"/>, or nothing for the usual one.</summary>
        public string? Admit { get; set; }

        public RegistrationInput ToInput(string lang) => new(FirstName, LastName, Email, Organisation, null, lang, Consent);
    }
}
