using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Events.Tests.Architecture;

namespace Events.Tests.Deployment;

/// <summary>
/// The documented deployment, run for real: Debian's nginx with <c>deploy/nginx-events.conf</c> (ports, certificate
/// and upstream swapped for test ones) in front of the app started as a process, as <c>deploy/events.service</c>
/// sets it up. Checked over HTTPS: the home page, HTTP redirected, HSTS, Secure cookies, the client address the app
/// sees (rate limits), the scanner page. Skipped where nginx is missing, except under <c>EVENTS_REQUIRE_NGINX=1</c> (CI).
/// </summary>
public sealed partial class NginxDeploymentTests : IDisposable
{
    private const string Nginx = "/usr/sbin/nginx";
    private readonly string _folder = Directory.CreateTempSubdirectory("events-nginx-").FullName;
    private readonly List<Process> _processes = [];

    [SkippableFact]
    public async Task BehindNginxTheAppAnswersOverHttpsWithSecureCookiesHstsAndTheRealClientAddress()
    {
        if (!File.Exists(Nginx))
        {
            if (Environment.GetEnvironmentVariable("EVENTS_REQUIRE_NGINX") == "1") Assert.Fail($"{Nginx} is missing and EVENTS_REQUIRE_NGINX=1: apt-get install -y nginx");
            Skip.If(true, $"{Nginx} not found: install Debian's nginx to run the deployment test.");
        }
        var (appPort, httpPort, httpsPort) = (FreePort(), FreePort(), FreePort());
        await StartAppAsync(appPort);
        await StartNginxAsync(appPort, httpPort, httpsPort);

        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true, AllowAutoRedirect = false, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = new Uri($"https://localhost:{httpsPort}") };
        client.DefaultRequestHeaders.Host = "events.test"; // the site's name (HSTS is never sent to "localhost")

        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("max-age=", string.Join(",", home.Headers.GetValues("Strict-Transport-Security")));
        Assert.Contains("<html", await home.Content.ReadAsStringAsync());

        var plain = await client.GetAsync($"http://localhost:{httpPort}/agenda");
        Assert.Equal(HttpStatusCode.MovedPermanently, plain.StatusCode);
        Assert.Equal("https://events.test/agenda", plain.Headers.Location!.ToString());

        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = Admin, password = Password });
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Events.Auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase); // the app knows it is served over HTTPS

        var scan = new HttpRequestMessage(HttpMethod.Get, "/door/scan");
        scan.Headers.Add("Cookie", cookie.Split(';')[0]);
        var scanner = await client.SendAsync(scan);
        Assert.Equal(HttpStatusCode.OK, scanner.StatusCode);
        Assert.Contains("camera=(self)", string.Join(",", scanner.Headers.GetValues("Permissions-Policy")));

        // Sign-ins are limited to 2 per client address here. Each request claims another address in X-Forwarded-For;
        // nginx appends the real one, which is the one the app counts: the third is refused.
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { email = "x@example.org", password = "not the password" }) };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    private const string Admin = "admin@example.org";
    private const string Password = "correct horse battery staple";

    private async Task StartAppAsync(int port)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                // As deploy/events.service sets them.
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Urls"] = $"http://127.0.0.1:{port}",
                ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
                ["ConnectionStrings__Events"] = $"Data Source={Path.Combine(_folder, "data", "events.db")}",
                ["Events__Mail__PickupDirectory"] = Path.Combine(_folder, "data", "mail"),
                ["Events__Admin__Email"] = Admin,
                ["Events__Admin__Password"] = Password,
                ["Events__RateLimiting__LoginsPerWindow"] = "3", // the admin's sign-in above, then two
            },
        };
        var ready = new TaskCompletionSource();
        var process = Process.Start(start)!;
        _processes.Add(process);
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("Now listening on") == true) ready.TrySetResult(); };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(ready.Task.IsCompleted, "the app did not start");
    }

    private async Task StartNginxAsync(int appPort, int httpPort, int httpsPort)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var (cert, key) = (Path.Combine(_folder, "cert.pem"), Path.Combine(_folder, "key.pem"));
        await File.WriteAllTextAsync(cert, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(key, rsa.ExportRSAPrivateKeyPem());

        // The site exactly as committed, but for what a test on a shared machine must change.
        var site = await File.ReadAllTextAsync(Path.Combine(Source.Root, "deploy", "nginx-events.conf"));
        site = site.Replace("listen 80;", $"listen 127.0.0.1:{httpPort};").Replace("listen [::]:80;", "")
            .Replace("listen 443 ssl http2;", $"listen 127.0.0.1:{httpsPort} ssl http2;").Replace("listen [::]:443 ssl http2;", "")
            .Replace("server_name events.example.org;", "server_name events.test;")
            .Replace("/etc/ssl/events/fullchain.pem", cert).Replace("/etc/ssl/events/privkey.pem", key)
            .Replace("http://127.0.0.1:5000", $"http://127.0.0.1:{appPort}");
        Assert.DoesNotMatch(ProductionOnly(), site);
        await File.WriteAllTextAsync(Path.Combine(_folder, "site.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(_folder, "nginx.conf"), $$"""
            daemon off;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log;
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path {{_folder}}/body; proxy_temp_path {{_folder}}/proxy;
                fastcgi_temp_path {{_folder}}/fastcgi; uwsgi_temp_path {{_folder}}/uwsgi; scgi_temp_path {{_folder}}/scgi;
                include {{_folder}}/site.conf;
            }
            """);
        var process = Process.Start(new ProcessStartInfo(Nginx, ["-p", _folder, "-c", Path.Combine(_folder, "nginx.conf")]) { RedirectStandardError = true })!;
        _processes.Add(process);
        for (var i = 0; i < 100 && !Listening(httpsPort); i++)
        {
            Assert.False(process.HasExited, "nginx stopped: " + await process.StandardError.ReadToEndAsync());
            await Task.Delay(100);
        }
        Assert.True(Listening(httpsPort), "nginx is not listening");
    }

    [GeneratedRegex(@"listen (80|443)|events\.example\.org|/etc/ssl|127\.0\.0\.1:5000")]
    private static partial Regex ProductionOnly();

    private static bool Listening(int port)
    {
        try { using var tcp = new TcpClient("127.0.0.1", port); return true; }
        catch (SocketException) { return false; }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            try { if (!process.HasExited) process.Kill(entireProcessTree: true); process.WaitForExit(5000); }
            catch (InvalidOperationException) { /* never started */ }
            process.Dispose();
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
