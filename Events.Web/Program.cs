using Events.Api.CheckIn;
using Events.Api.Agenda;
using Events.Api.Mail;
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

builder.Services.AddStorage(builder.Configuration);
builder.Services.AddRegistration();
builder.Services.AddOrganiserAuth();
builder.Services.AddAgenda();
builder.Services.AddCheckIn();
builder.Services.AddMail(builder.Configuration);
builder.Services.AddTickets();
builder.Services.AddEventsRateLimiting(builder.Configuration);
builder.Services.AddWebHosting(builder.Configuration);

var app = builder.Build();
app.Services.PrepareDatabase();
app.Services.EnsureConfiguredAdmin();

app.UsePrecompressedScripts();
app.UseWebHosting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapGet("/healthz", HealthCheck.Check).ExcludeFromDescription();
app.MapRegistrationApi();
app.MapAuthApi();
app.MapAgendaApi();
app.MapCheckInApi();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapLanguageSwitch();
app.MapRazorPages();

app.Run();

/// <summary>The entry point, visible to the tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
