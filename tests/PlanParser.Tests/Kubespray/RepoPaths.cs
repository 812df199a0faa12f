namespace Kalc.Iac.PlanParser.Tests.Kubespray;

/// <summary>Finds the repository root (the directory holding Kalc.Iac.sln) from the test's base directory.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Fixture(params string[] parts) => Path.Combine([Root, "fixtures", "kubespray", .. parts]);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kalc.Iac.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Kalc.Iac.sln not found above " + AppContext.BaseDirectory);
    }
}
