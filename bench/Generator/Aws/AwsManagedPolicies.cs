using System.Text.Json;

namespace Kalc.Iac.Bench.Generator.Aws;

/// <summary>The AWS managed policies the generated node and CSI roles attach, with their real documents
/// (get-policy-version outputs kept in fixtures/aws/iam-policies/aws-managed, see its SOURCES.md).</summary>
internal static class AwsManagedPolicies
{
    private static readonly (string Arn, string File)[] Used =
    [
        ("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", "AmazonEKSWorkerNodePolicy.json"),
        ("arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy", "AmazonEKS_CNI_Policy.json"),
        ("arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly", "AmazonEC2ContainerRegistryReadOnly.json"),
        ("arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy", "AmazonEBSCSIDriverPolicy.json"),
    ];

    public static IEnumerable<(string Arn, string Document)> Load()
    {
        var dir = FindFixtures();
        foreach (var (arn, file) in Used)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, file)));
            yield return (arn, doc.RootElement.GetProperty("PolicyVersion").GetProperty("Document").GetRawText());
        }
    }

    private static string FindFixtures()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "fixtures", "aws", "iam-policies", "aws-managed");
            if (Directory.Exists(candidate)) return candidate;
        }
        for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "fixtures", "aws", "iam-policies", "aws-managed");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("fixtures/aws/iam-policies/aws-managed not found above the generator or the current directory");
    }
}
