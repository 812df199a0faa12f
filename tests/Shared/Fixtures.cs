namespace Kalc.Iac.Testing;

/// <summary>Finds the repository's fixtures/ folder by walking up to the directory holding Kalc.Iac.sln.</summary>
internal static class Fixtures
{
    public static string Root { get; } = Kalc.Iac.Tests.RepoPaths.Root;

    public static string Path(string relative) => System.IO.Path.Combine(Root, "fixtures", relative);

    public static byte[] Bytes(string relative) => File.ReadAllBytes(Path(relative));

    public static string Text(string relative) => File.ReadAllText(Path(relative));

}
