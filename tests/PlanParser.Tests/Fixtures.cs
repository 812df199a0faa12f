namespace Kalc.Iac.PlanParser.Tests;

/// <summary>Finds files under the repository's fixtures/ folder, wherever the tests run from.</summary>
internal static class Fixtures
{
    public static string Root { get; } = Kalc.Iac.Tests.RepoPaths.Root;

    public static string Path(string relative) => System.IO.Path.Combine(Root, "fixtures", relative);

    public static byte[] Bytes(string relative) => File.ReadAllBytes(Path(relative));

    public static IEnumerable<string> TerraformJsonPlans()
    {
        var root = Path("terraform-plans");
        foreach (var dir in new[] { "json", "paired", "synthetic" })
            foreach (var f in Directory.EnumerateFiles(System.IO.Path.Combine(root, dir), "*.json", SearchOption.AllDirectories))
                yield return System.IO.Path.GetRelativePath(System.IO.Path.Combine(Root, "fixtures"), f);
    }

}
