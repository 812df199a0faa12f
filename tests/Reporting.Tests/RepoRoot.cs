namespace Kalc.Iac.Reporting.Tests;

/// <summary>The checkout's root: the directory holding Kalc.Iac.sln, found by walking up from the test binaries.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Kalc.Iac.Tests.RepoPaths.Root;

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

}
