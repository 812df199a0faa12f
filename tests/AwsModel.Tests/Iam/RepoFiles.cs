namespace Kalc.Iac.AwsModel.Tests.Iam;

/// <summary>Finds files in the repository by walking up from the test binaries to Kalc.Iac.sln.</summary>
internal static class RepoFiles
{
    private static readonly Lazy<string> RootDir = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kalc.Iac.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Kalc.Iac.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootDir.Value;

    public static string Path_(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string IamPolicyFixture(string relative) => Path_("fixtures", "aws", "iam-policies", relative);

    public static string CaseFile(string name) => Path_("tests", "AwsModel.Tests", "Iam", "cases", name);
}
