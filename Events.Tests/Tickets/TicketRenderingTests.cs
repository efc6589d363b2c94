using Events.Api.Configuration;
using Events.Api.Registration;
using Events.Api.Security;
using Events.Api.Tickets;

namespace Events.Tests.Tickets;

/// <summary>The QR images and the calendar file, checked with decoders that know nothing of how they were made.</summary>
public sealed class TicketRenderingTests
{
    private static readonly EventInfo Event = FromSeed(new EventsOptions().Event);

    private static EventInfo FromSeed(EventSeedOptions s) =>
        new(1, s.Title, "", "", s.StartsAt, s.EndsAt, s.TimeZone, s.Venue, s.Address, s.Capacity, 0, 0, null, null);

    /// <summary>Ada's management code: the calendar's UID is derived from it.</summary>
    private const string AdaManageCode = "MANAGECODE23456789ABCDEFGHJK";

    [Fact]
    public void ThePngQrDecodesToTheCodeAndStaysSmall()
    {
        var code = SecretCode.New();
        var png = TicketQr.Png(code);
        Assert.InRange(png.Length, 100, 1024);
        Assert.Equal(code, QrDecoder.DecodePng(png));
    }

    /// <summary>
    /// CI once failed on a ticket whose symbol ZXing's finder search could not read (about 3 in 1,000 codes, see
    /// <see cref="QrDecoder.Decode"/>). This code is one of them; two thousand random ones cover the rest.
    /// </summary>
    [Theory]
    [InlineData("VE64E9KG43YBBR2SQF5K6KLWP5DP")]
    [InlineData(null)]
    public void EveryTicketQrDecodesToItsCode(string? known)
    {
        var codes = known is null ? Enumerable.Range(0, 2_000).Select(_ => SecretCode.New()) : [known];
        foreach (var code in codes)
        {
            Assert.Equal(code, QrDecoder.DecodePng(TicketQr.Png(code)));
            Assert.Equal(code, QrDecoder.DecodeSvg(TicketQr.Svg(code, "QR")));
        }
    }

    [Fact]
    public void TheSvgQrDecodesToTheCodeAndCarriesAnAccessibleName()
    {
        var code = SecretCode.New();
        var svg = TicketQr.Svg(code, "QR <Ada & \"Bob\">");
        Assert.InRange(svg.Length, 500, 6_000);
        Assert.Contains("role=\"img\"", svg);
        Assert.Contains("aria-label=\"QR &lt;Ada &amp; &quot;Bob&quot;&gt;\"", svg);
        Assert.Equal(code, QrDecoder.DecodeSvg(svg));
    }

    [Fact]
    public void TheCalendarFileUsesParisTimeTheVenueAndAUidStablePerRegistration()
    {
        static string Unfolded(string ics) => ics.Replace("\r\n ", ""); // RFC 5545 folds lines longer than 75 octets
        var first = Unfolded(TicketCalendar.Build(Event, AdaManageCode, "https://events.example.org/ticket/X", sequence: 1));
        var resent = Unfolded(TicketCalendar.Build(Event, AdaManageCode, "https://events.example.org/ticket/Y", sequence: 9)); // a new ticket code

        Assert.Contains("DTSTART;TZID=Europe/Paris:20270626T083000", first);
        Assert.Contains("DTEND;TZID=Europe/Paris:20270626T123000", first);
        Assert.Contains("TZID:Europe/Paris", first);
        Assert.Contains("LOCATION:Seine InnoPolis\\, 72 rue de la République\\, 76140 Le Petit-Quevilly", first);
        Assert.Contains("SEQUENCE:9", resent);
        string Uid(string ics) => ics.Split("\r\n").Single(l => l.StartsWith("UID:"));
        Assert.Equal(Uid(first), Uid(resent));
        Assert.Matches("^UID:[0-9a-f]{32}@events.example.org$", Uid(first));
        Assert.NotEqual(Uid(first), Uid(TicketCalendar.Build(Event, SecretCode.New(), "https://events.example.org/", 1)));
        Assert.DoesNotContain(AdaManageCode, first);
    }

    [Fact]
    public void TheCalendarFileIsWhatIcalNetWritesWithTheTimeZoneInsideAndParsesBack()
    {
        // The VTIMEZONE is serialised once per edition and inserted: the file must be what Ical.Net writes when the
        // calendar holds the zone itself (DTSTAMP aside, which is the time of writing).
        var ours = TicketCalendar.Build(Event, AdaManageCode, "https://events.example.org/ticket/X", sequence: 3);
        var local = (DateTimeOffset instant) => Event.Local(instant).DateTime;
        var reference = new Ical.Net.Calendar { Method = "PUBLISH", ProductId = "-//Events//Tickets//FR" };
        Events.Api.Localisation.CalendarTimeZone.Add(reference, Event.TimeZone, local(Event.StartsAt));
        reference.Events.Add(new Ical.Net.CalendarComponents.CalendarEvent
        {
            Uid = TicketCalendar.Uid(AdaManageCode, "https://events.example.org/ticket/X"), Sequence = 3, Summary = Event.Title,
            Location = $"{Event.Venue}, {Event.Address}", Description = "https://events.example.org/ticket/X",
            DtStart = new Ical.Net.DataTypes.CalDateTime(local(Event.StartsAt), Event.TimeZone),
            DtEnd = new Ical.Net.DataTypes.CalDateTime(local(Event.EndsAt), Event.TimeZone),
            DtStamp = new Ical.Net.DataTypes.CalDateTime(DateTime.UtcNow, Ical.Net.DataTypes.CalDateTime.UtcTzId), Status = "CONFIRMED",
        });
        static string WithoutStamp(string ics) => string.Join("\r\n", ics.Split("\r\n").Where(l => !l.StartsWith("DTSTAMP:")));
        Assert.Equal(WithoutStamp(new Ical.Net.Serialization.CalendarSerializer().SerializeToString(reference)!), WithoutStamp(ours));

        var parsed = Ical.Net.Calendar.Load(ours)!;
        Assert.Equal("Europe/Paris", Assert.Single(parsed.TimeZones).TzId);
        Assert.Equal(new DateTimeOffset(2027, 6, 26, 6, 30, 0, TimeSpan.Zero), parsed.Events.Single().DtStart!.AsUtc);
    }
}
