namespace Events.Web.Pages.Statements;

/// <summary>
/// The figures the accessibility and eco-design statements publish, written by the test suite, not by hand:
/// <c>Events.Tests/Statements/StatementFiguresTests</c> loads every page listed here in Chromium, runs axe-core on it
/// and measures what it transfers; when a page's weight moves by more than 10 % (or 1 KB) or its request count
/// changes, it rewrites the lines between the <c>measured</c> markers below with what it found (and the date) and
/// fails, so the change is seen and committed. The statements cannot drift from what the service really does.
/// </summary>
public static class Measured
{
    public const string Axe = "axe-core (Deque.AxeCore.Playwright 4.14), WCAG 2.0, 2.1 and 2.2 A and AA rules and best practices";
    /// <summary>The narrowest width at which every page is checked for sideways scrolling (WCAG 1.4.10, RGAA 10.11).</summary>
    public const int NarrowWidth = 320;

    /// <summary>A page as the statements name it, with what loading it costs (HTML, CSS, everything, compressed as sent).</summary>
    public sealed record Page(string Path, string Fr, string En, double Kilobytes, int Requests);

    // <measured> written by StatementFiguresTests
    /// <summary>When the figures were last taken (the statements' date).</summary>
    public static readonly DateOnly On = new(2026, 12, 4);
    public const string Browser = "Chromium 156 (Debian 12), headless, Microsoft.Playwright 1.64";

    /// <summary>Paths with {code} are opened with a real registration's codes.</summary>
    public static readonly IReadOnlyList<Page> Pages =
    [
        new("/", "Accueil et formulaire d'inscription", "Home and registration form", 7.5, 2),
        new("/registered/{code}", "Confirmation d'inscription", "Registration confirmation", 6.6, 2),
        new("/manage/{code}", "Gestion de son inscription", "Managing one's registration", 7.4, 2),
        new("/ticket/{code}", "Billet", "Ticket", 7.2, 2),
        new("/agenda", "Programme", "Agenda", 6.1, 2),
        new("/privacy", "Données personnelles", "Privacy", 8.2, 2),
        new("/legal", "Mentions légales", "Legal notice", 6.5, 2),
        new("/accessibility", "Déclaration d'accessibilité", "Accessibility statement", 8.5, 2),
        new("/eco-design", "Déclaration d'écoconception", "Eco-design statement", 7.5, 2),
        new("/organisers/signin", "Connexion des organisateurs", "Organiser sign-in", 7.8, 3),
    ];
    // </measured>
}
