using Events.Api.Attendees;
using Events.Api.CheckIn;
using Events.Api.Organisers;
using Events.Api.Registration;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ManageForm = Events.Web.Pages.Manage.IndexModel.Form;

namespace Events.Web.Pages.Organisers.Attendees;

/// <summary>
/// One registration: details, status, place in the queue, arrival, and what admins can do to it (edit, resend, replace
/// the code, cancel, check in or undo, promote from the waiting list), each a POST through <see cref="AttendeeAdmin"/>,
/// which applies the attendee's own rules and writes the activity log. Door staff read it; every POST refuses them.
/// Irreversible actions (replace the code, cancel) first show a confirmation step, without script: the button is a link
/// to <c>?confirm=…</c>, and only the confirmation's own form posts <c>confirmed=true</c>.
/// </summary>
[Authorize(Policy = Roles.DoorPolicy)]
public sealed class DetailModel(AttendeeAdmin admin, ActivityLog activity, UiText t) : PageModel
{
    /// <summary>The value of the "Admit over capacity" button (as on the walk-in page).</summary>
    public const string AdmitOverCapacity = "over-capacity";

    private static readonly string[] Notices =
        ["saved", "resent", "too-soon", "replaced", "cancelled", "checked-in", "already-checked-in", "undone", "promoted", "not-waiting", "reinstated", "not-cancelled", "registered-again"];

    public AttendeeDetail Attendee { get; private set; } = null!;
    public IReadOnlyList<ActivityEntry> History { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    /// <summary>The outcome of the last action, as a text key.</summary>
    public string? Notice { get; private set; }
    /// <summary>Which confirmation step to show: <c>replace</c> or <c>cancel</c>.</summary>
    public string? Confirm { get; private set; }
    /// <summary>Promotion by hand found no free seat: the page asks for a reason to go over capacity.</summary>
    public PromoteOutcome.NoSeat? NoSeat { get; private set; }
    public bool IsAdmin => User.IsInRole(Roles.Admin);
    public string? Err(string field) => Errors.TryGetValue(field, out var e) ? e : null;

    [BindProperty] public ManageForm Input { get; set; } = new();
    [BindProperty] public string? OverCapacityReason { get; set; }

    private long Me => User.OrganiserId()!.Value;
    private string? Device => User.Identity?.Name; // as a walk-in's check-in names the organiser who let them in

    /// <summary>Door staff may read this page; every POST here is an admin's action. One check for every handler.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (HttpMethods.IsPost(context.HttpContext.Request.Method) && !IsAdmin)
        {
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
            return;
        }
        await next();
    }

    public IActionResult OnGet(long id, string? done, string? confirm)
    {
        if (!Load(id)) return NotFound();
        Notice = Notices.Contains(done) ? "att_" + done!.Replace('-', '_') : null;
        Confirm = IsAdmin && confirm is "replace" or "cancel" ? confirm : null;
        Input = ManageForm.From(Attendee.Registration);
        return Page();
    }

    /// <summary>Edit the details, with the attendee's own rules; the e-mail address is not among them.</summary>
    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var (found, errors) = await admin.EditAsync(id, Input.ToChange(), Me, ct);
        if (!found) return NotFound();
        if (errors.Count == 0) return Done(id, "saved");
        foreach (var (field, keys) in errors) Errors[field] = t.FieldError(field, keys[0]);
        Load(id);
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(long id, CancellationToken ct) =>
        Ticket(id, await admin.ResendAsync(id, Me, ct), "resent");

    public async Task<IActionResult> OnPostReplaceAsync(long id, bool confirmed, CancellationToken ct) =>
        !confirmed ? Redirect($"{IndexModel.Path}/{id}?confirm=replace#ticket") : Ticket(id, await admin.ReplaceCodeAsync(id, Me, ct), "replaced");

    public async Task<IActionResult> OnPostCancelAsync(long id, bool confirmed, CancellationToken ct) =>
        !confirmed ? Redirect($"{IndexModel.Path}/{id}?confirm=cancel#cancel")
        : await admin.CancelAsync(id, Me, ct) ? Done(id, "cancelled") : NotFound();

    public async Task<IActionResult> OnPostCheckInAsync(long id, CancellationToken ct) =>
        (await admin.CheckInAsync(id, Me, Device, ct))?.Outcome switch
        {
            null => NotFound(),
            CheckInOutcome.Accepted => Done(id, "checked-in"),
            CheckInOutcome.AlreadyCheckedIn => Done(id, "already-checked-in"),
            _ => Done(id, null),
        };

    public async Task<IActionResult> OnPostUndoAsync(long id, CancellationToken ct) =>
        await admin.UndoCheckInAsync(id, Me, Device, ct) is null ? (Load(id) ? Done(id, null) : NotFound()) : Done(id, "undone");

    /// <summary>From the waiting list, by hand: a free seat, or over capacity with a reason (the second button).</summary>
    public async Task<IActionResult> OnPostPromoteAsync(long id, string? admit, CancellationToken ct) =>
        Seated(id, await admin.PromoteAsync(id, Reason(admit), Me, ct), "promoted");

    /// <summary>Undoes a cancellation: a free seat, or over capacity with a reason (the second button), as a promotion.</summary>
    public async Task<IActionResult> OnPostReinstateAsync(long id, string? admit, CancellationToken ct) =>
        Seated(id, await admin.ReinstateAsync(id, Reason(admit), Me, ct), "reinstated");

    private string? Reason(string? admit) => admit == AdmitOverCapacity ? OverCapacityReason ?? "" : null;

    /// <summary>What a promotion or a reinstatement came to: done, refused, or the page again asking for a reason.</summary>
    private IActionResult Seated(long id, PromoteOutcome outcome, string done)
    {
        switch (outcome)
        {
            case PromoteOutcome.NotFound: return NotFound();
            case PromoteOutcome.Promoted: return Done(id, done);
            case PromoteOutcome.NotWaiting: return Done(id, "not-waiting");
            case PromoteOutcome.NotCancelled: return Done(id, "not-cancelled");
            case PromoteOutcome.RegisteredAgain: return Done(id, "registered-again");
            case PromoteOutcome.NoSeat noSeat: NoSeat = noSeat; break;
            case PromoteOutcome.Invalid(var errors):
                foreach (var (field, keys) in errors) Errors[field] = t.FieldError(field, keys[0]);
                break;
        }
        Load(id);
        NoSeat ??= new PromoteOutcome.NoSeat(Attendee.Event.Confirmed, Attendee.Event.Capacity);
        Input = ManageForm.From(Attendee.Registration);
        return Page();
    }

    private IActionResult Ticket(long id, TicketRequest outcome, string done) => outcome switch
    {
        TicketRequest.NotFound => NotFound(),
        TicketRequest.Queued => Done(id, done),
        TicketRequest.TooSoon => Done(id, "too-soon"),
        _ => Done(id, null),
    };

    /// <summary>Post, then redirect, then get: a reload repeats nothing. The anchor brings the reader back to the part they used.</summary>
    private RedirectResult Done(long id, string? done) =>
        Redirect(done is null ? $"{IndexModel.Path}/{id}" : $"{IndexModel.Path}/{id}?done={done}#notice");

    private bool Load(long id)
    {
        if (admin.Find(id, withEmail: IsAdmin) is not { } found) return false;
        Attendee = found;
        History = IsAdmin ? activity.Of(id) : [];
        return true;
    }
}
