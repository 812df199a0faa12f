namespace Kalc.Iac.Tests;

/// <summary>The repository root (the directory holding Kalc.Iac.sln), found by walking up from the test binaries;
/// shared by every test project so fixtures are found one way.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixture(string relative) => Path.Combine(Root, "fixtures", relative);

    public static string Text(string relative) => File.ReadAllText(Fixture(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kalc.Iac.sln"))) return dir.FullName;
        throw new InvalidOperationException("Kalc.Iac.sln not found above " + AppContext.BaseDirectory);
    }
}
