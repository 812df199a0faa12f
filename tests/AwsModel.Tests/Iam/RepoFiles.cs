namespace Kalc.Iac.AwsModel.Tests.Iam;

/// <summary>Finds files in the repository by walking up from the test binaries to Kalc.Iac.sln.</summary>
internal static class RepoFiles
{
    public static string Root => Kalc.Iac.Tests.RepoPaths.Root;

    public static string Path_(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string IamPolicyFixture(string relative) => Path_("fixtures", "aws", "iam-policies", relative);

    public static string CaseFile(string name) => Path_("tests", "AwsModel.Tests", "Iam", "cases", name);
}
