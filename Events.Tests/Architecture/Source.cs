namespace Events.Tests.Architecture;

/// <summary>The repository's source files, found by walking up from the test binaries to <c>Events.sln</c>.</summary>
public static class Source
{
    public static readonly string Root = FindRoot();

    public static IEnumerable<string> Files(params string[] projects) =>
        projects.SelectMany(p => Directory.EnumerateFiles(Path.Combine(Root, p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    public static string Relative(string file) => Path.GetRelativePath(Root, file);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Events.sln"))) return dir.FullName;
        throw new InvalidOperationException("Events.sln not found above " + AppContext.BaseDirectory);
    }
}
