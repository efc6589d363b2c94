using System.Net.Http.Json;
using Dapper;
using Events.Api.Registration;
using Events.Api.Security;
using Events.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Events.Tests.Mail;
using Events.Tests.Tickets;
using QRCoder;

namespace Events.Tests.CheckIn;

/// <summary>Ticket codes and their QR codes, as the door sees them.</summary>
public static class Tickets
{
    /// <summary>Registers someone and returns the code decoded from the QR image of their ticket e-mail.</summary>
    public static async Task<string> TicketAsync(this EventsApp app, string firstName = "Ada", string lastName = "Lovelace")
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        await app.RegisterAsync(email, firstName, lastName);
        await app.DrainMailAsync();
        var mail = app.PickedUp().Single(m => m.To.Mailboxes.Any(a => a.Address == email));
        return QrDecoder.DecodePng(mail.Part("image", "png")!.Bytes());
    }

    /// <summary>The same, on the app listening on a real port (the browser tests).</summary>
    public static async Task<string> TicketAsync(this LiveApp live, string firstName = "Ada", string lastName = "Lovelace")
    {
        using var client = new HttpClient { BaseAddress = new Uri(live.BaseUrl) };
        var response = await client.PostAsJsonAsync("/api/v1/registrations", new
        {
            firstName, lastName, email = $"{Guid.NewGuid():N}@example.org", organisation = "Analytical Engines", consent = true,
        });
        response.EnsureSuccessStatusCode();
        var created = (await response.Content.ReadFromJsonAsync<EventsApp.Created>())!;
        return live.App.TicketCodeOf(created.ManageCode);
    }

    /// <summary>The management code of a ticket, from the registration's sealed copy (the database keeps only hashes).</summary>
    public static string ManageCodeOf(this EventsApp app, string ticketCode)
    {
        using var c = app.Db.OpenRead();
        return app.Opened(c.ExecuteScalar<string>("SELECT codes_sealed FROM registrations WHERE ticket_code_hash = @hash",
            new { hash = SecretCode.Hash(ticketCode) }))!.Manage;
    }

    public static string TicketCodeOf(this EventsApp app, string manageCode) =>
        app.Services.GetRequiredService<RegistrationService>().Find(manageCode)!.Codes!.Ticket;

    /// <summary>The codes a registration's sealed copy holds, opened with the app's keys.</summary>
    public static RegistrationCodes? Opened(this EventsApp app, string? codesSealed) => app.Services.GetRequiredService<CodeSeal>().Open(codesSealed);

    /// <summary>The QR module matrix of <paramref name="text"/>, as the ticket e-mail draws it.</summary>
    public static bool[,] QrModules(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var size = rows.Count;
        var modules = new bool[size, size];
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++) modules[y, x] = rows[y][x];
        return modules;
    }

    /// <summary>
    /// A Y4M video (what Chromium's fake camera plays) showing the QR of <paramref name="text"/> about 300 px wide,
    /// black on a white quiet zone, in the middle of a 640×480 frame.
    /// </summary>
    public static void WriteY4m(string path, string text, int frames = 10)
    {
        const int width = 640, height = 480;
        var modules = QrModules(text); // QRCoder's matrix already includes a 4-module quiet zone
        var size = modules.GetLength(0);
        var scale = 300 / size;
        var (left, top) = ((width - size * scale) / 2, (height - size * scale) / 2);
        var luma = new byte[width * height];
        Array.Fill(luma, (byte)235);
        for (var y = 0; y < size * scale; y++)
            for (var x = 0; x < size * scale; x++)
                luma[(top + y) * width + left + x] = modules[y / scale, x / scale] ? (byte)16 : (byte)235;
        var chroma = new byte[width / 2 * (height / 2) * 2];
        Array.Fill(chroma, (byte)128);

        using var file = File.Create(path);
        file.Write("YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n"u8);
        for (var f = 0; f < frames; f++)
        {
            file.Write("FRAME\n"u8);
            file.Write(luma);
            file.Write(chroma);
        }
    }
}
