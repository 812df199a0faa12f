namespace Kalc.Iac.Tests.Live.Fakes;

/// <summary>Finds the repository's fixtures/ by walking up from the test binaries to Kalc.Iac.sln.</summary>
internal static class Fixtures
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, "fixtures", relative);

    public static byte[] Bytes(string relative) => File.ReadAllBytes(Path(relative));

    public static string Text(string relative) => File.ReadAllText(Path(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Kalc.Iac.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Kalc.Iac.sln not found above " + AppContext.BaseDirectory);
    }
}
