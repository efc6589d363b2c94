using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages;

/// <summary>
/// Browsers and feed readers ask for <c>/favicon.ico</c> whatever the page's <c>&lt;link rel=icon&gt;</c> says: they
/// are sent, once and for good, to the SVG icon, instead of a 404 on every visit.
/// </summary>
public sealed class FaviconModel : PageModel
{
    public IActionResult OnGet()
    {
        Response.Headers.CacheControl = "public, max-age=604800";
        return RedirectPermanent("/favicon.svg");
    }
}
