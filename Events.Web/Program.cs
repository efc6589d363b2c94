using Events.Api.Attendees;
using Events.Api.CheckIn;
using Events.Api.Agenda;
using Events.Api.Mail;
using Events.Api.Messages;
using Events.Api.Organisers;
using Events.Api.Registration;
using Events.Api.Security;
using Events.Api.Storage;
using Events.Api.Tickets;
using Events.Web.Hosting;
using Events.Web.Localisation;

// Settings are read once, at start-up. Reloading them on change would watch the content root recursively, and the
// SQLite file lives under it (data/): every write woke the file watcher, 10-17 % of the CPU of a check-in rush.
var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
if (args is [("backup" or "restore") and var command, var file]) return Maintenance.Run(command, file, builder.Configuration);

builder.Services.AddStorage(builder.Configuration);
builder.Services.AddRegistration();
builder.Services.AddAttendees();
builder.Services.AddOrganisers();
builder.Services.AddAgenda();
builder.Services.AddCheckIn();
builder.Services.AddMail(builder.Configuration);
builder.Services.AddTickets();
builder.Services.AddMessages();
builder.Services.AddEventsRateLimiting(builder.Configuration);
builder.Services.AddWebHosting(builder.Configuration);
builder.AddStaticAssets();

var app = builder.Build();
try
{
    _ = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Events.Api.Configuration.EventsOptions>>().Value; // checked first: one line naming the key
    app.Services.MigrateDatabase();
    app.Services.SeedEvent();
    app.Services.FoldRegistrationNames();
    app.Services.HashOlderCodes();
    app.Services.HashOlderScans();
    app.Services.EnsureConfiguredAdmin();
    app.Services.GetRequiredService<PublisherLogo>(); // read and checked now, not on the first visitor's page
}
catch (Exception e) when (app.Services.StartUpFault(e) is { } fault)
{
    Console.Error.WriteLine($"Events cannot start: {fault}");
    return 1;
}

app.UseWebHosting();
app.UseStorageFaultPages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapHealthChecks();
app.MapRegistrationApi();
app.MapOrganisersApi();
app.MapAgendaApi();
app.MapCheckInApi();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapStaticAssets();
app.MapLanguageSwitch();
app.MapRazorPages().WithStaticAssets();

app.Run();
return 0;

/// <summary>The entry point, visible to the tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
