using System.Text.Json;
using Events.Api.Security;

namespace Events.Api.Messages;

/// <summary>A message organisers write to attendees: a subject and plain-text paragraphs.</summary>
public sealed record Announcement(string Subject, string Body)
{
    public const int SubjectMax = 150;
    public const int BodyMax = 5000;

    /// <summary>Field errors as message keys; empty when the message can be sent.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        TextRules.Check(errors, "subject", Subject, SubjectMax, required: true, newLines: false);
        TextRules.Check(errors, "body", Body, BodyMax, required: true, newLines: true);
        return errors;
    }

    /// <summary>The message as typed, trimmed: what is stored and sent.</summary>
    public Announcement Trimmed() => this with { Subject = Subject.Trim(), Body = Body.Trim() };

    /// <summary>The paragraphs, as the e-mail and the preview show them.</summary>
    public IEnumerable<string> Paragraphs() => Body.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Every e-mail already opens with "Bonjour Élodie,": a message that greets again would say it twice.</summary>
    public bool RepeatsGreeting() => Body.TrimStart() is var b && (b.StartsWith("Bonjour", StringComparison.OrdinalIgnoreCase)
        || b.StartsWith("Hello", StringComparison.OrdinalIgnoreCase) || b.StartsWith("Dear", StringComparison.OrdinalIgnoreCase));

    /// <summary>Rows queued before messages had their own table carry the message itself as JSON.</summary>
    internal static Announcement? Parse(string? payload)
    {
        try
        {
            return payload is null ? null : JsonSerializer.Deserialize<Announcement>(payload, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Who a message goes to. The strings are query and form values, and are stored: never rename one.</summary>
public static class Audience
{
    public const string Confirmed = "confirmed";
    public const string Waitlisted = "waitlisted";
    /// <summary>Confirmed and waiting.</summary>
    public const string Everyone = "everyone";
    /// <summary>Confirmed and checked in.</summary>
    public const string Arrived = "arrived";
    /// <summary>Confirmed and not (yet) checked in.</summary>
    public const string Absent = "absent";

    public static readonly IReadOnlyList<string> All = [Confirmed, Waitlisted, Everyone, Arrived, Absent];

    public static string OrDefault(string? audience) => All.Contains(audience ?? "") ? audience! : Confirmed;
}
