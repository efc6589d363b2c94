// One phone at the door (bench/door/run.sh): Debian's Chromium opens the scanner through a byte-counting TCP relay
// and lets in every registration of the event by typed code (the camera only adds decoding, on the phone), in three
// network conditions: online, a network that accepts requests and never answers, and offline. Prints the bytes the
// scanner moved (both ways, headers included, as on the wire before TLS) and scan-to-verdict times.
// The ticket codes come from the seed (CODES_FILE, one a line): the database keeps only their hashes.
//   dotnet run --project bench/DoorBench -c Release -- BASE_URL DB_FILE EMAIL PASSWORD CODES_FILE
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

var (baseUrl, dbFile, email, password) = (new Uri(args[0]), args[1], args[2], args[3]);
var codes = File.ReadAllLines(args[4]).Where(line => line.Length > 0).ToList();
var n = codes.Count;
var (online, hanging) = (n * 2 / 3, n / 6);

using var relay = new Relay(baseUrl);
var origin = $"http://127.0.0.1:{relay.Port}";
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
await using var context = await browser.NewContextAsync(new() { Locale = "fr-FR" });
var page = await context.NewPageAsync();
page.SetDefaultTimeout(30_000);
page.Console += (_, m) => { if (m.Type is "error" or "warning") Console.Error.WriteLine($"page {m.Type}: {m.Text}"); };

await page.GotoAsync(origin + "/organisers/signin");
await page.Locator("#email").FillAsync(email);
await page.Locator("#password").FillAsync(password);
await page.Locator("main button[type=submit]").ClickAsync();
await page.WaitForURLAsync("**/organisers");
relay.Reset(); // what the door costs from here: the scanner page, its roster and the scans
await page.GotoAsync(origin + "/door/scan");
await page.WaitForFunctionAsync("() => localStorage.getItem('events.door.roster') !== null");
await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
var firstLoad = relay.Bytes;
Console.WriteLine($"attendees {n}: scanner page and first roster {Kb(firstLoad)} (JavaScript decoder not loaded: typed codes)");

// One scan: type the code, submit, time until the verdict is on screen (in the page's own clock), then dismiss it.
const string Scan = """
    async (code) => {
      const verdict = document.getElementById('verdict');
      const input = document.getElementById('code');
      input.value = code;
      const shown = new Promise((resolve) => {
        const seen = new MutationObserver(() => { if (verdict.querySelector('.verdict')) { seen.disconnect(); resolve(); } });
        seen.observe(verdict, { childList: true, subtree: true });
      });
      const start = performance.now();
      document.getElementById('code-form').requestSubmit();
      await shown;
      const took = performance.now() - start;
      verdict.querySelector('.verdict-continue').click();
      return took;
    }
    """;
async Task<List<double>> ScanAll(IEnumerable<string> batch)
{
    var times = new List<double>();
    foreach (var code in batch) times.Add(await page.EvaluateAsync<double>(Scan, code));
    return times;
}
string Times(List<double> t)
{
    t.Sort();
    return $"median {t[t.Count / 2]:F0} ms, worst {t[^1]:F0} ms";
}
const string Queued = "() => Object.keys(localStorage).filter(k => k.startsWith('events.door.scan.')).length";

var before = relay.Bytes;
var onlineTimes = await ScanAll(codes.Take(online));
var onlineBytes = relay.Bytes - before;
Console.WriteLine($"online:  {online} scans, {Times(onlineTimes)}, {Kb(onlineBytes)} ({onlineBytes / Math.Max(1, online)} bytes a scan)");

relay.Hang = true;
var hangingTimes = await ScanAll(codes.Skip(online).Take(hanging));
Console.WriteLine($"hanging: {hanging} scans (requests accepted, never answered), {Times(hangingTimes)}");
relay.Hang = false;

await context.SetOfflineAsync(true);
var offlineTimes = await ScanAll(codes.Skip(online + hanging));
Console.WriteLine($"offline: {n - online - hanging} scans, {Times(offlineTimes)}, {await page.EvaluateAsync<int>(Queued)} queued");
await context.SetOfflineAsync(false);

var drain = Stopwatch.StartNew();
await page.WaitForFunctionAsync(Queued + " === 0", null, new() { Timeout = 120_000 });
Console.WriteLine($"queue sent {drain.Elapsed.TotalSeconds:F1} s after the network returned");
await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

// A quiet door: the page pulls the roster's changes every 20 s while visible. One pull first, to catch up with the
// changes the sync made, then a minute of pulls with nothing new.
await page.WaitForTimeoutAsync(21_000);
var idleFrom = relay.Bytes;
var idleRequests = new List<string>();
void Note(object? _, IRequest r) { lock (idleRequests) idleRequests.Add(new Uri(r.Url).PathAndQuery); }
page.Request += Note;
await page.WaitForTimeoutAsync(61_000);
page.Request -= Note;
var perPull = (relay.Bytes - idleFrom) / Math.Max(1, idleRequests.Count);
Console.WriteLine($"idle minute: {idleRequests.Count} requests ({string.Join(", ", idleRequests.Distinct())})");
var total = relay.Bytes;
Console.WriteLine($"idle pull (nothing changed): about {perPull} bytes each, every 20 s");
Console.WriteLine($"TOTAL bytes moved for {n} arrivals: {Kb(total)} (target under 1 MB: {(total < 1024 * 1024 ? "met" : "NOT met")})");
var doorMinutes = 45;
var projected = total + perPull * (doorMinutes * 3 - 4);
Console.WriteLine($"with {doorMinutes} minutes of pulls (a real door's pace): about {Kb(projected)}");

using (var db = new SqliteConnection($"Data Source={dbFile};Mode=ReadOnly"))
{
    db.Open();
    using var cmd = db.CreateCommand();
    cmd.CommandText = "SELECT (SELECT COUNT(*) FROM checkins), (SELECT COUNT(*) FROM checkin_scans)";
    using var reader = cmd.ExecuteReader();
    reader.Read();
    Console.WriteLine($"server: {reader.GetInt64(0)} checked in of {n}, {reader.GetInt64(1)} scans recorded");
}

static string Kb(long bytes) => $"{bytes / 1024.0:F1} KB";

/// <summary>A TCP relay to the app that counts every byte both ways; with <c>Hang</c>, it takes requests and sends nothing back.</summary>
sealed class Relay : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private long _bytes;
    public volatile bool Hang;

    public Relay(Uri target)
    {
        _target = target;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public long Bytes => Interlocked.Read(ref _bytes);
    public void Reset() => Interlocked.Exchange(ref _bytes, 0);

    private async Task AcceptAsync()
    {
        while (true)
        {
            var client = await _listener.AcceptTcpClientAsync();
            _ = Task.Run(async () =>
            {
                using var c = client;
                using var server = new TcpClient();
                await server.ConnectAsync(_target.Host, _target.Port);
                var (a, b) = (c.GetStream(), server.GetStream());
                await Task.WhenAny(Pump(a, b, upstream: true), Pump(b, a, upstream: false));
            });
        }
    }

    private async Task Pump(Stream from, Stream to, bool upstream)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer)) > 0)
            {
                if (Hang && !upstream) continue; // the answer is lost on the way
                Interlocked.Add(ref _bytes, read);
                await to.WriteAsync(buffer.AsMemory(0, read));
            }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
    }

    public void Dispose() => _listener.Stop();
}
