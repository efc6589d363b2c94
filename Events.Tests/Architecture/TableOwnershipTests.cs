using System.Text.RegularExpressions;

namespace Events.Tests.Architecture;

/// <summary>
/// Each table has one owner feature. SQL lives in stores only (files named <c>*Store.cs</c>, and <c>Storage/</c>);
/// only the owner's store writes a table; a store reads only its own feature's tables and those of the features the
/// dependency rule lets it use. Read from the source files, where the SQL is.
/// </summary>
public sealed partial class TableOwnershipTests
{
    public static readonly Dictionary<string, string> Owner = new()
    {
        ["events"] = "Registration",
        ["current_edition"] = "Registration",
        ["registrations"] = "Registration",
        ["over_capacity_admissions"] = "Registration",
        ["outbox"] = "Mail",
        ["organisers"] = "Organisers",
        ["organiser_tokens"] = "Organisers",
        ["organiser_sessions"] = "Organisers",
        ["activity"] = "Organisers", // who did what: written through ActivityLog, from the features that act
        ["checkins"] = "CheckIn",
        ["checkin_scans"] = "CheckIn",
        ["roster_changes"] = "CheckIn", // written by triggers on registrations and checkins (migration 0007)
        ["rooms"] = "Agenda",
        ["speakers"] = "Agenda",
        ["speaker_links"] = "Agenda",
        ["sessions"] = "Agenda",
        ["session_speakers"] = "Agenda",
        ["agenda_publications"] = "Agenda",
        ["messages"] = "Messages",
        ["schema_version"] = "Storage",
        ["storage_probe"] = "Storage",
    };

    [Fact]
    public void EveryTableInTheMigrationsHasAnOwner()
    {
        var tables = Directory.GetFiles(Path.Combine(Source.Root, "Events.Api", "Storage", "Migrations"), "*.sql")
            .SelectMany(f => CreateTable().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value));
        foreach (var table in tables) Assert.True(Owner.ContainsKey(table), $"Table {table} has no owner in this test");
    }

    [Fact]
    public void SqlLivesInStoresOnly()
    {
        var outside = Source.Files("Events.Api", "Events.Web")
            .Where(f => !Path.GetFileName(f).EndsWith("Store.cs", StringComparison.Ordinal) && Feature(f) != "Storage")
            .Where(f => Statement().IsMatch(File.ReadAllText(f)))
            .Select(Source.Relative).ToList();
        Assert.True(outside.Count == 0, "SQL outside a store:\n" + string.Join("\n", outside));
    }

    [Fact]
    public void OnlyTheOwnerWritesATableAndStoresReadOnlyWhatTheirFeatureMayUse()
    {
        var broken = new List<string>();
        foreach (var file in Source.Files("Events.Api").Where(f => Path.GetFileName(f).EndsWith("Store.cs", StringComparison.Ordinal)))
        {
            var feature = Feature(file);
            var sql = File.ReadAllText(file);
            foreach (Match m in Write().Matches(sql))
            {
                var table = m.Groups["table"].Value;
                if (Owner.GetValueOrDefault(table) != feature) broken.Add($"{Source.Relative(file)} writes {table} (owned by {Owner.GetValueOrDefault(table, "nobody")})");
            }
            var mayRead = DependencyRuleTests.Allowed[feature].Append(feature).ToHashSet();
            foreach (Match m in Read().Matches(sql))
            {
                var table = m.Groups["table"].Value;
                if (Owner.TryGetValue(table, out var owner) && !mayRead.Contains(owner))
                    broken.Add($"{Source.Relative(file)} reads {table} (owned by {owner}, which {feature} may not use)");
            }
        }
        Assert.True(broken.Count == 0, string.Join("\n", broken.Distinct()));
    }

    private static string Feature(string file) => Path.GetRelativePath(Source.Root, file).Split(Path.DirectorySeparatorChar)[1];

    [GeneratedRegex(@"CREATE TABLE (?:IF NOT EXISTS )?(\w+)")]
    private static partial Regex CreateTable();

    // Upper-case keywords only: the code's SQL is written so, and C# prose ("update the page") is not.
    [GeneratedRegex(@"\b(?:SELECT\s[\s\S]{1,400}?\sFROM\s+\w+|INSERT\s+INTO\s+\w+|UPDATE\s+\w+\s+SET|DELETE\s+FROM\s+\w+)")]
    private static partial Regex Statement();

    [GeneratedRegex(@"\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?<table>[a-z_]+)\b(?!\s*=)")]
    private static partial Regex Write();

    [GeneratedRegex(@"\b(?:FROM|JOIN)\s+(?<table>[a-z_]+)\b")]
    private static partial Regex Read();
}
