using Microsoft.Extensions.Options;

namespace Events.Api.Configuration;

/// <summary>
/// The <c>Events</c> section checked at start-up, each problem naming its key as it is written in
/// <c>appsettings.json</c>, so a typo stops the start with one line instead of failing on the first visitor or the
/// first e-mail. A value of the wrong type (letters for a number) is reported by the binder the same way.
/// </summary>
public sealed class EventsOptionsRules : IValidateOptions<EventsOptions>
{
    public ValidateOptionsResult Validate(string? name, EventsOptions o)
    {
        var problems = Problems(o).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static IEnumerable<string> Problems(EventsOptions o)
    {
        if (!Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            yield return $"Events:PublicBaseUrl is \"{o.PublicBaseUrl}\": an absolute http or https address is needed (the links in e-mails and QR codes).";
        var e = o.Event;
        if (e.EndsAt <= e.StartsAt) yield return "Events:Event:EndsAt must come after Events:Event:StartsAt.";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(e.TimeZone, out _)) yield return $"Events:Event:TimeZone \"{e.TimeZone}\" is not a time zone this machine knows (for example Europe/Paris).";
        if (e.Capacity is < 0 or > 1_000_000) yield return "Events:Event:Capacity must be between 0 (a waiting list only) and 1,000,000, as on the settings page.";
        if (o.Smtp.Port is < 1 or > 65535) yield return "Events:Smtp:Port must be between 1 and 65535.";
        if (o.Smtp.Security is not ("StartTls" or "SslOnConnect" or "None" or "Auto")) yield return $"Events:Smtp:Security \"{o.Smtp.Security}\" is not one of StartTls, SslOnConnect, None, Auto.";
        if (!MimeKit.MailboxAddress.TryParse(o.Smtp.From, out _)) yield return $"Events:Smtp:From \"{o.Smtp.From}\" is not an address such as Name <someone@example.org>.";
        if (o.Mail.MaxAttempts < 1) yield return "Events:Mail:MaxAttempts must be at least 1.";
        if (o.Mail.BatchSize < 1) yield return "Events:Mail:BatchSize must be at least 1.";
        if (o.Mail.PollSeconds < 0 || o.Mail.FirstRetrySeconds < 0) yield return "Events:Mail:PollSeconds and FirstRetrySeconds cannot be negative.";
        if (o.Reminders.HoursBefore < 0) yield return "Events:Reminders:HoursBefore cannot be negative (0 turns reminders off).";
        var r = o.RateLimiting;
        if (r.WindowSeconds < 1 || r.PublicPostsPerWindow < 1 || r.LoginsPerWindow < 1)
            yield return "Events:RateLimiting:WindowSeconds, PublicPostsPerWindow and LoginsPerWindow must each be at least 1.";
        if (string.IsNullOrEmpty(o.Admin.Email) != string.IsNullOrEmpty(o.Admin.Password))
            yield return "Events:Admin:Email and Events:Admin:Password go together: set both, or neither.";
    }
}
