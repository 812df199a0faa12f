using System.Security.Cryptography;
using System.Text;

namespace Kalc.Iac.Reporting.Sarif;

/// <summary>A result's identity across runs: the rule and the plan address, never line numbers or messages,
/// so code-scanning tools match the same problem when the plan is regenerated.</summary>
public static class SarifFingerprint
{
    public const string Key = "kalcIacFinding/v1";

    /// <summary>The fingerprint GitHub code scanning tracks alerts by; when a file lacks it, upload-sarif computes one
    /// from the source line's text, which moves with every edit
    /// (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning#providing-data-to-track-code-scanning-alerts-across-runs).</summary>
    public const string GitHubKey = "primaryLocationLineHash";

    public static string Of(string ruleId, string? address)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(ruleId + "\n" + (address ?? "")));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
