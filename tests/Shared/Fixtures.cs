namespace Kalc.Iac.Testing;

/// <summary>Finds the repository's fixtures/ folder by walking up to the directory holding Kalc.Iac.sln.</summary>
internal static class Fixtures
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, "fixtures", relative);

    public static byte[] Bytes(string relative) => File.ReadAllBytes(Path(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Kalc.Iac.sln"))) return dir.FullName;
        throw new InvalidOperationException("Kalc.Iac.sln not found above " + AppContext.BaseDirectory);
    }
}
