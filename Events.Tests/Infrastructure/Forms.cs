using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Events.Tests.Infrastructure;

/// <summary>Reads a page as a browser would and submits its real form, antiforgery token included.</summary>
public static class Forms
{
    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>Posts <paramref name="form"/> with its hidden fields plus <paramref name="values"/> (which override).</summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, IDictionary<string, string> values, string pageUrl = "/")
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>())
        {
            if (input.Type is "hidden" && !values.ContainsKey(input.Name!)) fields.Add(new(input.Name!, input.Value));
        }
        fields.AddRange(values);
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a.Split('#')[0] : pageUrl;
        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public static IHtmlFormElement FormWith(this IHtmlDocument page, string fieldName) =>
        page.Forms.First(f => f.Elements.Any(e => e.GetAttribute("name") == fieldName));
}
