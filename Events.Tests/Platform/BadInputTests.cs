using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Events.Tests.Agenda;
using Events.Tests.Infrastructure;

namespace Events.Tests.Platform;

/// <summary>
/// Bad input gets 400, 405 or 415, never a 5xx: the probe's three causes, then every form the app shows an admin and
/// every JSON body the OpenAPI document describes, each field in turn given values nobody should type.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly EventsApp _app = new();

    private static readonly string[] BadValues =
    [
        "", " ", new string('x', 5000), "0001-01-01T00:00", "9999-12-31T23:59", "-1", "99999999999999999999", "abc",
        "<script>alert(1)</script>", "\u0000", "\uFFFF\uD800", "1e309", "2027-02-30T09:00", "../../etc/passwd",
    ];

    [Theory]
    [InlineData("POST", "/api/v1/registrations")]
    [InlineData("POST", "/api/v1/auth/login")]
    [InlineData("POST", "/api/v1/checkins")]
    [InlineData("POST", "/api/v1/checkins/batch")]
    [InlineData("PATCH", "/api/v1/registrations/{manage}")]
    public async Task AJsonBodyInAnUnknownCharsetIsUnsupportedMediaType(string method, string path)
    {
        var created = await _app.RegisterAsync();
        using var client = await _app.SignedInClientAsync();
        var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{manage}", created.ManageCode))
        {
            Content = new ByteArrayContent("{}"u8.ToArray()),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=bogus");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("TRACE")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task AnotherMethodOnAPageIsRefusedNotAServerError(string method)
    {
        using var client = await _app.SignedInClientAsync();
        foreach (var path in new[] { "/", "/agenda", "/privacy", "/organisers", "/organisers/attendees", "/organisers/event", "/door/scan", "/organisers/signin" })
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.True(response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.BadRequest, $"{method} {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task EveryFormAnswersBadValuesWithoutAServerError()
    {
        var created = await _app.RegisterAsync();
        var room = await _app.AddRoomAsync("Salle 1");
        await _app.AddSessionAsync("Ouverture", "2027-06-26T09:00", "2027-06-26T10:00", room);
        using var client = await _app.SignedInClientAsync();
        var pages = await CrawlAsync(client, ["/", "/organisers", $"/manage/{created.ManageCode}", "/door/scan", "/door/walk-in"]);
        var failures = new List<string>();
        var forms = 0;
        foreach (var (url, page) in pages)
        foreach (var form in page.Forms.Where(f => !IsSignOut(f)))
        {
            forms++;
            var baseline = Baseline(form);
            foreach (var field in baseline.Keys.Where(k => k != "__RequestVerificationToken").ToList())
            foreach (var bad in BadValues)
            {
                var values = new Dictionary<string, string>(baseline) { [field] = bad };
                var response = await Submit(client, form, values, url);
                if ((int)response.StatusCode >= 500) failures.Add($"{form.Method} {form.Action} ({url}) {field}={Shown(bad)}: {(int)response.StatusCode}");
            }
        }
        Assert.True(forms >= 30, $"only {forms} forms found on {pages.Count} pages");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(40)));
    }

    [Fact]
    public async Task EveryJsonBodyAnswersBadValuesWithoutAServerError()
    {
        var created = await _app.RegisterAsync();
        using var client = await _app.SignedInClientAsync();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var failures = new List<string>();
        var bodies = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            if (operation?["requestBody"] is null) continue;
            var url = System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", created.ManageCode);
            var fields = Fields(document, operation["requestBody"]!["content"]!["application/json"]!["schema"]!);
            foreach (var body in Bodies(fields))
            {
                bodies++;
                var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                var response = await client.SendAsync(request);
                if ((int)response.StatusCode >= 500) failures.Add($"{method} {path} {Shown(body)}: {(int)response.StatusCode}");
            }
        }
        Assert.True(bodies >= 50, $"only {bodies} bodies tried");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(40)));
    }

    private static IEnumerable<string> Bodies(IReadOnlyList<string> fields)
    {
        foreach (var raw in new[] { "", "null", "[]", "{}", "\"x\"", "1", "{", new string('[', 5000), "{\"a\":" + new string('[', 300) })
            yield return raw;
        JsonNode?[] values = [null, 0, -1, 1e300, "", new string('x', 5000), "0001-01-01T00:00:00Z", "9999-12-31T23:59:59+14:00", true, new JsonArray(), new JsonObject(), "\uFFFF"];
        foreach (var field in fields)
        foreach (var value in values)
        {
            var o = new JsonObject();
            foreach (var other in fields) o[other] = other == field ? value?.DeepClone() : "x";
            yield return o.ToJsonString();
            yield return new JsonArray(o.DeepClone()).ToJsonString();
        }
    }

    /// <summary>The property names of a request body's schema (following one <c>$ref</c>, or the items of an array).</summary>
    private static List<string> Fields(JsonNode document, JsonNode schema)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
            schema = document["components"]!["schemas"]![reference.Split('/').Last()]!;
        if (schema["items"] is { } items) return Fields(document, items);
        return schema["properties"]?.AsObject().Select(p => p.Key).ToList() ?? [];
    }

    /// <summary>Pages reachable from <paramref name="starts"/> by links on this site, each read once (at most 60).</summary>
    private static async Task<List<(string Url, IHtmlDocument Page)>> CrawlAsync(HttpClient client, string[] starts)
    {
        var seen = new HashSet<string>(starts);
        var queue = new Queue<string>(starts);
        var pages = new List<(string, IHtmlDocument)>();
        while (queue.TryDequeue(out var url) && pages.Count < 60)
        {
            var response = await client.GetAsync(url);
            if (response.Content.Headers.ContentType?.MediaType != "text/html" || !response.IsSuccessStatusCode) continue;
            var page = await Forms.ParseAsync(response);
            pages.Add((url, page));
            foreach (var link in page.Links.OfType<IHtmlAnchorElement>().Select(a => a.GetAttribute("href")))
            {
                if (link is null || !link.StartsWith('/') || link.StartsWith("//") || link.Contains("signout") || link.Contains(".csv")) continue;
                var path = link.Split('#')[0];
                if (seen.Add(path)) queue.Enqueue(path);
            }
        }
        return pages;
    }

    private static bool IsSignOut(IHtmlFormElement form) =>
        (form.GetAttribute("action") ?? "").Contains("signout", StringComparison.OrdinalIgnoreCase)
        || (form.GetAttribute("action") ?? "").Contains("logout", StringComparison.OrdinalIgnoreCase);

    /// <summary>What the form would send as shown: hidden fields, text, checked boxes, the selected option.</summary>
    private static Dictionary<string, string> Baseline(IHtmlFormElement form)
    {
        var values = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || values.ContainsKey(name)) continue;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked: values[name] = box.Value; break;
                case IHtmlInputElement { Type: "checkbox" or "radio" }: break;
                case IHtmlInputElement { Type: "submit" }: break;
                case IHtmlInputElement input: values[name] = input.Value; break;
                case IHtmlTextAreaElement area: values[name] = area.Value; break;
                case IHtmlSelectElement select: values[name] = select.Value ?? ""; break;
            }
        }
        return values;
    }

    private static Task<HttpResponseMessage> Submit(HttpClient client, IHtmlFormElement form, Dictionary<string, string> values, string pageUrl)
    {
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a.Split('#')[0] : pageUrl;
        if (string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase))
        {
            var query = string.Join("&", values.Select(v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value)}"));
            return client.GetAsync(action.Split('?')[0] + "?" + query);
        }
        return client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    private static string Shown(string value) => value.Length > 40 ? value[..40] + "…" : value;

    public void Dispose() => _app.Dispose();
}
