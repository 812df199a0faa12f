using System.Text.Json;

namespace Kalc.Iac.Analyzers.Tests.Permissions;

/// <summary>Reads the real policy documents under fixtures/aws/iam-policies (found by walking up to Kalc.Iac.sln).</summary>
internal static class RepoFixtures
{
    public static string Root { get; } = Kalc.Iac.Tests.RepoPaths.Root;

    public static string PolicyPath(string relative) => Path.Combine(Root, "fixtures", "aws", "iam-policies", relative);

    /// <summary>The policy document as JSON text; get-policy-version output is unwrapped to its Document.</summary>
    public static string PolicyText(string relative)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(PolicyPath(relative)));
        return doc.RootElement.TryGetProperty("PolicyVersion", out var v) ? v.GetProperty("Document").GetRawText() : doc.RootElement.GetRawText();
    }

}
