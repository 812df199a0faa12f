namespace Kalc.Iac.PlanParser.Tests.Text;

/// <summary>Finds the repository's fixtures/ folder by walking up to the directory holding Kalc.Iac.sln.</summary>
internal static class Fixtures
{
    public static string Root { get; } = Kalc.Iac.Tests.RepoPaths.Root;

    public static string Path(string relative) => System.IO.Path.Combine(Root, "fixtures", relative);

    public static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.EnumerateFiles(Path(folder), pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public static string Relative(string full) => System.IO.Path.GetRelativePath(Path(""), full).Replace('\\', '/');

}
