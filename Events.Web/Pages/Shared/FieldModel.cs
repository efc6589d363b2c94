namespace Events.Web.Pages.Shared;

/// <summary>One labelled form field with its hint and error, linked by <c>aria-describedby</c> (see <c>_Field.cshtml</c>).</summary>
public sealed record FieldModel(
    string Name, string Label, string? Value, string? Error,
    string Type = "text", string? Autocomplete = null, string? Hint = null, bool Required = false, int? MaxLength = null)
{
    public string? DescribedBy =>
        string.Join(' ', new[] { Hint is null ? null : $"{Name}-hint", Error is null ? null : $"{Name}-error" }.Where(x => x is not null)) is { Length: > 0 } ids ? ids : null;
}
