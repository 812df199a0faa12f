namespace Kalc.Iac.Reporting.Tests;

/// <summary>The checkout's root: the directory holding Kalc.Iac.sln, found by walking up from the test binaries.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Kalc.Iac.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Kalc.Iac.sln not found above " + AppContext.BaseDirectory);
    }
}
