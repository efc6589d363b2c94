using Events.Web.Pages.Shared;

namespace Events.Tests.Platform;

/// <summary>What a table cell is given to show people's text without splitting a word (the browser test checks the result).</summary>
public sealed class TableTextTests
{
    private static string Html(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void AHyphenatedWordIsKeptWholeAndTheRestIsPlainEncodedText() =>
        Assert.Equal("<span class=\"nw\">Marie-Françoise</span> de <span class=\"nw\">Saint-Exupéry</span> &amp; Fils",
            Html(TableText.Words("Marie-Françoise de Saint-Exupéry & Fils")));

    [Fact]
    public void AnAddressMayBreakOnlyAfterItsAtSignAndItsDots() =>
        Assert.Equal("<span class=\"nw\">jean-baptiste.</span><wbr>vandenbroucke@<wbr><span class=\"nw\">univ-rouen.</span><wbr>fr",
            Html(TableText.Email("jean-baptiste.vandenbroucke@univ-rouen.fr")));

    [Fact]
    public void ANameThatIsAnAddressIsShownAsAnAddress() =>
        Assert.Equal("ada@<wbr>example.<wbr>org <span class=\"nw\">(door-2)</span>", Html(TableText.Words("ada@example.org (door-2)")));

    [Fact]
    public void MarkupInPeoplesTextIsEncoded() =>
        Assert.Equal("&lt;b&gt;x <span class=\"nw\">&lt;i&gt;-y</span>", Html(TableText.Words("<b>x <i>-y")));
}
