namespace Events.Web.Pages.Shared;

/// <summary>
/// The box above a form that failed: one link per error, each naming its field ("Prénom : indiquez votre prénom."),
/// in the order of the form. <c>_ErrorSummary.cshtml</c> shows it and takes the focus when the page loads.
/// </summary>
/// <param name="Errors">The page's errors by field name; a field's id is its name unless <paramref name="IdPrefix"/> says otherwise.</param>
/// <param name="Fields">The form's fields in order, each with its label; an error on a field not listed comes last, without a label.</param>
/// <param name="IdPrefix">What the page puts before each field's name to make its id, when several forms share a page ("new-", "s12-").</param>
public sealed record ErrorSummary(IReadOnlyDictionary<string, string> Errors, IReadOnlyList<(string Name, string Label)> Fields, string IdPrefix = "")
{
    public sealed record Item(string Id, string? Label, string Message);

    public IEnumerable<Item> Items =>
        Fields.Where(f => Errors.ContainsKey(f.Name)).Select(f => new Item(IdPrefix + f.Name, f.Label, Errors[f.Name]))
            .Concat(Errors.Where(e => !Fields.Any(f => f.Name == e.Key)).Select(e => new Item(IdPrefix + e.Key, null, e.Value)));

    /// <summary>A form with one error, on <paramref name="field"/> (labelled <paramref name="label"/> in the summary when given).</summary>
    public static ErrorSummary One(string field, string message, string? label = null) =>
        new(new Dictionary<string, string> { [field] = message }, label is null ? [] : [(field, label)]);

    /// <summary>"indiquez votre prénom." after "Prénom :": the message goes on the label's line, so its first letter drops.</summary>
    public static string AfterLabel(string message) =>
        message.Length > 1 && char.IsUpper(message[0]) && !char.IsUpper(message[1]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;
}
