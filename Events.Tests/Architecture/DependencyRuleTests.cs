using System.Reflection;
using System.Text.RegularExpressions;
using Events.Api.Storage;
using NetArchTest.Rules;

namespace Events.Tests.Architecture;

/// <summary>
/// The dependency rule, read from the compiled code (every type reference, method bodies included). Features depend on
/// the shared kernel and on the features listed for them below, never in a cycle; nobody outside a feature calls its
/// stores. Adding an arrow means adding it to <see cref="Allowed"/>, where the cycle test sees it.
/// </summary>
public sealed class DependencyRuleTests
{
    private const string Root = "Events.Api.";

    /// <summary>The shared kernel: small, and depending on no feature.</summary>
    public static readonly string[] Kernel = ["Configuration", "Localisation", "Security", "Storage"];

    /// <summary>Which parts each part may use, besides itself (features may also use the whole kernel).</summary>
    public static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Configuration"] = [],
        ["Localisation"] = [],
        ["Security"] = ["Configuration", "Localisation"],
        ["Storage"] = ["Configuration"],
        ["Mail"] = [],
        ["Registration"] = ["Mail"],
        ["Organisers"] = ["Registration", "Mail"], // the event's title and time zone in invitations
        ["Tickets"] = ["Registration", "Mail"],
        ["CheckIn"] = ["Registration", "Organisers"],
        ["Agenda"] = ["Registration", "Organisers", "Mail"],
        ["Attendees"] = ["Registration", "CheckIn", "Organisers"],
        ["Messages"] = ["Registration", "CheckIn", "Organisers", "Mail"],
    };

    private static readonly Assembly Api = typeof(Db).Assembly;

    private static IEnumerable<string> Parts() =>
        Api.GetTypes().Select(t => t.Namespace ?? "").Where(n => n.StartsWith(Root, StringComparison.Ordinal))
            .Select(n => n[Root.Length..].Split('.')[0]).Distinct().Order();

    [Fact]
    public void EveryFolderOfTheApplicationIsInTheRule()
    {
        foreach (var part in Parts()) Assert.True(Allowed.ContainsKey(part), $"{Root}{part} is not in the dependency rule");
    }

    [Fact]
    public void EachPartUsesOnlyWhatTheRuleAllows()
    {
        var broken = new List<string>();
        foreach (var part in Parts())
        {
            var allowed = Allowed[part].Append(part).Concat(Kernel.Contains(part) ? [] : Kernel).ToHashSet();
            var forbidden = Parts().Where(p => !allowed.Contains(p)).Select(p => Root + p).ToArray();
            if (forbidden.Length == 0) continue;
            var result = Types.InAssembly(Api).That().ResideInNamespaceMatching($@"^{Regex.Escape(Root + part)}(\..+)?$")
                .Should().NotHaveDependencyOnAny(forbidden).GetResult();
            if (!result.IsSuccessful) broken.AddRange(result.FailingTypes.Select(t => $"{t.FullName}: {t.Explanation}"));
        }
        Assert.True(broken.Count == 0, "Outside the dependency rule:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void TheRuleHasNoCycle()
    {
        var done = new HashSet<string>();
        foreach (var part in Allowed.Keys) Visit(part, []);
        void Visit(string part, List<string> path)
        {
            if (path.Contains(part)) Assert.Fail("Cycle: " + string.Join(" → ", path.Append(part)));
            if (!done.Add(part) && path.Count == 0) return;
            foreach (var next in Allowed[part].Concat(Kernel.Contains(part) ? [] : Kernel)) Visit(next, [.. path, part]);
        }
    }

    [Fact]
    public void NoOneOutsideAFeatureCallsItsStores()
    {
        var web = typeof(Program).Assembly;
        var broken = new List<string>();
        foreach (var store in Api.GetTypes().Where(t => t.Name.EndsWith("Store", StringComparison.Ordinal) && t.IsClass && !t.IsNested))
        {
            var owner = store.Namespace!;
            if (owner == typeof(Db).Namespace) continue; // Storage is the door itself
            foreach (var assembly in new[] { Api, web })
            {
                var result = Types.InAssembly(assembly).That().DoNotResideInNamespace(owner)
                    .Should().NotHaveDependencyOnAny(store.FullName!).GetResult();
                if (!result.IsSuccessful) broken.AddRange(result.FailingTypes.Select(t => $"{t.FullName} calls {store.Name}"));
            }
        }
        Assert.True(broken.Count == 0, "Stores used from outside their feature:\n" + string.Join("\n", broken.Distinct()));
    }
}
