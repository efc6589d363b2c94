using System.Runtime.CompilerServices;

namespace Events.Tests.Platform;

/// <summary>Every test runs with missing text keys throwing, as Development does: a page that names a key without a text fails its test.</summary>
internal static class StrictTexts
{
    [ModuleInitializer]
    internal static void ThrowOnMissingKeys() => Api.Localisation.Texts.ThrowOnMissingKey = true;
}
