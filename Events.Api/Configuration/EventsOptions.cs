namespace Events.Api.Configuration;

/// <summary>The <c>Events</c> configuration section; <c>appsettings.sample.json</c> documents every key.</summary>
public sealed class EventsOptions
{
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";
    public EventSeedOptions Event { get; set; } = new();
    public SmtpOptions Smtp { get; set; } = new();
    public MailOptions Mail { get; set; } = new();
    public AdminOptions Admin { get; set; } = new();
    public RateLimitingOptions RateLimiting { get; set; } = new();
    public RemindersOptions Reminders { get; set; } = new();
    public PublisherOptions Publisher { get; set; } = new();

    /// <summary>An absolute link for e-mails and QR codes: <c>PublicBaseUrl</c> + <paramref name="path"/>.</summary>
    public string Link(string path) => PublicBaseUrl.TrimEnd('/') + path;
}

/// <summary>
/// Who publishes the service, for the header, the footer and the pages the law asks for (legal notice, privacy,
/// accessibility statement). The defaults are the Métropole's; what depends on a deployment (the host, the contact
/// addresses) is empty until set, and the pages say so rather than invent it.
/// </summary>
public sealed class PublisherOptions
{
    public string Name { get; set; } = "Métropole Rouen Normandie";
    /// <summary>An SVG file (path absolute or from the app's folder) drawn beside the name in every page's header; empty: the built-in mark.</summary>
    public string Logo { get; set; } = "";
    public string Address { get; set; } = "Le 108, 108 allée François Mitterrand, CS 50589, 76006 Rouen Cedex";
    public string Phone { get; set; } = "";
    /// <summary>Where people write about their data, the accessibility of the service, or anything else.</summary>
    public string Email { get; set; } = "";
    public string Website { get; set; } = "https://www.metropole-rouen-normandie.fr";
    public string PublicationDirector { get; set; } = "Le président de la Métropole Rouen Normandie";
    /// <summary>The data protection officer's address (délégué à la protection des données); empty: <see cref="Email"/>.</summary>
    public string DpoEmail { get; set; } = "";
    /// <summary>Who hosts the servers: name and address, as the legal notice must say.</summary>
    public string HostName { get; set; } = "";
    public string HostAddress { get; set; } = "";
}

/// <summary>Seeds the event on first start; afterwards organisers edit it.</summary>
public sealed class EventSeedOptions
{
    public string Title { get; set; } = "Matinée du numérique responsable";
    public string Description { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; } = new(2027, 6, 26, 8, 30, 0, TimeSpan.FromHours(2));
    public DateTimeOffset EndsAt { get; set; } = new(2027, 6, 26, 12, 30, 0, TimeSpan.FromHours(2));
    public string TimeZone { get; set; } = "Europe/Paris";
    public string Venue { get; set; } = "Seine InnoPolis";
    public string Address { get; set; } = "72 rue de la République, 76140 Le Petit-Quevilly";
    public int Capacity { get; set; } = 300;
    public DateTimeOffset? RegistrationOpensAt { get; set; }
    public DateTimeOffset? RegistrationClosesAt { get; set; }
    /// <summary>How to come (public transport, cycling), shown in the reminder e-mail; French and English.</summary>
    public string HowToCome { get; set; } = "";
    public string HowToComeEn { get; set; } = "";
}

/// <summary>The reminder e-mail each confirmed attendee gets before the event.</summary>
public sealed class RemindersOptions
{
    /// <summary>How long before the start; 0 turns reminders off.</summary>
    public int HoursBefore { get; set; } = 48;
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary><c>StartTls</c>, <c>SslOnConnect</c>, <c>None</c> or <c>Auto</c>.</summary>
    public string Security { get; set; } = "StartTls";
    public string? Username { get; set; }
    public string? Password { get; set; }
    /// <summary>The sender people see: the event's organiser, never the software's name.</summary>
    public string From { get; set; } = "Métropole Rouen Normandie <no-reply@localhost>";
}

public sealed class MailOptions
{
    public string PickupDirectory { get; set; } = "data/mail";
    public int MaxAttempts { get; set; } = 10;
    /// <summary>How often the worker looks for due messages when nothing wakes it (new rows wake it at once).</summary>
    public double PollSeconds { get; set; } = 5;
    /// <summary>Delay before the first retry; it doubles at each failure, up to five minutes.</summary>
    public double FirstRetrySeconds { get; set; } = 15;
    /// <summary>Messages claimed per round trip to the database; one SMTP connection serves the whole drain.</summary>
    public int BatchSize { get; set; } = 10;
}

public sealed class AdminOptions
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}

public sealed class RateLimitingOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>Public form and API posts allowed per client address and window.</summary>
    public int PublicPostsPerWindow { get; set; } = 10;
    public int WindowSeconds { get; set; } = 60;
    /// <summary>Sign-in attempts allowed per client address and window.</summary>
    public int LoginsPerWindow { get; set; } = 10;
}
