using Events.Api.Attendees;
using Events.Api.CheckIn;
using Events.Api.Messages;
using Events.Api.Registration;
using Events.Tests.Agenda;
using Events.Tests.Attendees;
using Events.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Tests.Organisers;

/// <summary>
/// An event as organisers meet it a week before the day, with the long names French people and bodies really have:
/// 62 registrations for 40 seats (so a waiting list), three cancelled by an admin, 25 arrivals, one admission over
/// capacity, shared accessibility needs (24 people ask for the same), a team, a speaker, two rooms, a grid and a
/// message sent. Every organiser page then has its tables full.
/// </summary>
public static class BackofficeSeed
{
    /// <summary>The capacity the seeded app must be started with (<see cref="Settings"/>).</summary>
    public const int Capacity = 40;
    public const int People = 62;

    public static Dictionary<string, string?> Settings => new() { ["Events:Event:Capacity"] = Capacity.ToString() };

    public const string LongName = "Marie-Françoise de La Rochefoucauld-Montmorency";
    public const string LongOrganisation = "Établissements Numériques Responsables de Normandie";
    public const string LongEmail = "marie-francoise.de-la-rochefoucauld-montmorency@etablissements-numeriques-normandie.example.org";

    private static readonly string[] FirstNames =
        ["Marie-Françoise", "Jean-Baptiste", "Anne-Sophie", "Pierre-Emmanuel", "Éléonore", "Bérangère", "Maximilien", "Geneviève", "Louis-Ferdinand", "Marguerite", "Adélaïde"];
    private static readonly string[] LastNames =
        ["de La Rochefoucauld-Montmorency", "Delacroix-Beaumarchais", "de Saint-Exupéry", "Vandenbroucke", "Le Goff", "Dubois-Lefèvre", "Nguyen", "Écoffier", "Fabre"];
    private static readonly string?[] Organisations =
        [LongOrganisation, "Métropole Rouen Normandie", "Direction interministérielle du numérique", "Centre hospitalier universitaire de Rouen",
         "Conseil départemental de la Seine-Maritime", null, "Université de Rouen Normandie"];
    // Their addresses' domains, as such bodies name them (one label of 50 letters would be longer than a phone's line).
    private static readonly string[] Domains =
        ["etablissements-numeriques-normandie", "metropole-rouen-normandie", "numerique-gouv", "chu-rouen", "seinemaritime", "laposte", "univ-rouen"];
    private static readonly string[] Needs =
        ["Fauteuil roulant : accès de plain-pied et place réservée", "Boucle magnétique", "Interprète en langue des signes française (LSF)"];

    /// <summary>Seeds <paramref name="app"/> (started with <see cref="Settings"/>).</summary>
    public static async Task SeedAsync(EventsApp app)
    {
        var services = app.Services;
        var registration = services.GetRequiredService<RegistrationService>();
        var admin = app.Scalar<long>("SELECT id FROM organisers WHERE email = @email", new { email = EventsApp.AdminEmail });
        var ids = new List<long>();
        for (var i = 0; i < People; i++)
        {
            var (first, last) = i == 0 ? ("Marie-Françoise", "de La Rochefoucauld-Montmorency") : (FirstNames[i % FirstNames.Length], LastNames[i * 7 % LastNames.Length]);
            var organisation = i == 0 ? LongOrganisation : Organisations[i % Organisations.Length];
            var email = i == 0 ? LongEmail : $"{Ascii(first)}.{Ascii(last)}.{i}@{Domains[i % Domains.Length]}.example.org";
            var need = i < 24 ? Needs[0] : i < 35 ? Needs[1] : i < 38 ? Needs[2] : null;
            var outcome = await registration.RegisterAsync(new RegistrationInput(first, last, email, organisation, need, i % 5 == 0 ? "en" : "fr", true));
            ids.Add(((RegisterOutcome.Created)outcome).Registration.Id);
        }

        var attendees = services.GetRequiredService<AttendeeAdmin>();
        foreach (var id in ids.Skip(3).Take(3)) Assert.True(await attendees.CancelAsync(id, admin)); // their seats go to the first waiting
        var arrived = 0;
        foreach (var id in ids)
        {
            if (arrived == 25) break;
            if (await attendees.CheckInAsync(id, admin, "Entrée principale, porte nord") is { } result && result.Outcome == CheckInOutcome.Accepted) arrived++;
        }
        var walkIn = await registration.RegisterWalkInAsync(
            new RegistrationInput("Anne-Sophie", "Delacroix-Beaumarchais", "anne-sophie.delacroix-beaumarchais@metropole-rouen-normandie.example.org", "Métropole Rouen Normandie", null, "fr", true),
            "Intervenante invitée par la direction générale des services, arrivée sans inscription", admin);
        Assert.True(walkIn is RegisterOutcome.Created { OverCapacity: true }, $"the walk-in: {walkIn}");

        await app.CreateOrganiserAsync("benevole.accueil.porte-principale@etablissements-numeriques-normandie.example.org", "door");
        var room = await app.AddRoomAsync("Grand amphithéâtre Simone-Veil", 250);
        var workshop = await app.AddRoomAsync("Salle de réunion Jacques-Anquetil-Vauquelin", 24);
        var speaker = await app.InviteAsync(LongName, LongEmail);
        var other = await app.InviteAsync("Jean-Baptiste Vandenbroucke", "jean-baptiste.vandenbroucke@universite-de-rouen-normandie.example.org");
        await app.AddSessionAsync("Ouverture : la sobriété numérique dans les services publics territoriaux", "2027-06-26T09:00", "2027-06-26T09:30", room, [speaker]);
        await app.AddSessionAsync("Concevoir des formulaires accessibles et économes en données", "2027-06-26T09:30", "2027-06-26T10:30", workshop, [other], "workshop");
        await app.AddSessionAsync("Mesurer l'empreinte environnementale d'un service numérique", "2027-06-26T09:45", "2027-06-26T10:30", room, [speaker]);
        await app.PublishAsync();

        await services.GetRequiredService<Announcements>().QueueAsync(
            new Announcement("Informations pratiques : accès, horaires et accessibilité de la Matinée", "Le tramway T4 s'arrête devant le bâtiment."), "confirmed", admin);
    }

    /// <summary>A name as it may appear in an e-mail address: no accents, no spaces, lower case.</summary>
    private static string Ascii(string text) =>
        new string(Events.Api.Security.NameMatch.Fold(text).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
}
