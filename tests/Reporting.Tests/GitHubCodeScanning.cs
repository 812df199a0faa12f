using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Kalc.Iac.Reporting.Tests;

/// <summary>What GitHub code scanning requires of an uploaded SARIF file beyond the schema, as its documentation states:
/// - https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
///   (result: ruleId, message.text, locations with physicalLocation.artifactLocation.uri and region.startLine;
///   partialFingerprints.primaryLocationLineHash tracks an alert across runs; rule help.markdown is shown under the alert;
///   file paths relative to the repository root, consistent across runs);
/// - https://docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit
///   (hard limits: 20 runs per file, 25,000 results per run, 25,000 rules per run, 1,000 locations per result,
///   20 tags per rule);
/// - https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/uploading-a-sarif-file-to-github
///   (at most 10 MB gzip-compressed per upload).</summary>
internal static class GitHubCodeScanning
{
    public const int MaxRuns = 20;
    public const int MaxResultsPerRun = 25_000;
    public const int MaxRulesPerRun = 25_000;
    public const int MaxLocationsPerResult = 1_000;
    public const int MaxTagsPerRule = 20;
    public const int MaxGzipBytes = 10 * 1000 * 1000;

    /// <summary>Every way the file breaks those requirements, one line each; empty when it meets them.</summary>
    public static List<string> Problems(string sarif)
    {
        var problems = new List<string>();
        if (GzipSize(sarif) > MaxGzipBytes) problems.Add($"gzip size {GzipSize(sarif)} over {MaxGzipBytes}");
        using var doc = JsonDocument.Parse(sarif);
        var runs = doc.RootElement.GetProperty("runs");
        if (runs.GetArrayLength() > MaxRuns) problems.Add("too many runs");
        foreach (var run in runs.EnumerateArray())
        {
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
            if (rules.GetArrayLength() > MaxRulesPerRun) problems.Add("too many rules");
            var ids = new HashSet<string>();
            foreach (var rule in rules.EnumerateArray())
            {
                var id = rule.GetProperty("id").GetString()!;
                ids.Add(id);
                if (!rule.TryGetProperty("help", out var help) || !help.TryGetProperty("markdown", out var md) || md.GetString() is not { Length: > 0 })
                    problems.Add($"rule {id}: no help.markdown");
                if (rule.TryGetProperty("properties", out var p) && p.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > MaxTagsPerRule)
                    problems.Add($"rule {id}: more than {MaxTagsPerRule} tags");
            }
            var results = run.GetProperty("results");
            if (results.GetArrayLength() > MaxResultsPerRun) problems.Add("too many results");
            var index = 0;
            foreach (var result in results.EnumerateArray())
            {
                var at = $"result {index++}";
                if (result.GetProperty("ruleId").GetString() is not { } ruleId || !ids.Contains(ruleId)) problems.Add($"{at}: ruleId not among the driver's rules");
                if (result.GetProperty("message").GetProperty("text").GetString() is not { Length: > 0 }) problems.Add($"{at}: no message text");
                if (!result.TryGetProperty("partialFingerprints", out var fp) || !fp.TryGetProperty("primaryLocationLineHash", out var hash) || hash.GetString() is not { Length: > 0 })
                    problems.Add($"{at}: no partialFingerprints.primaryLocationLineHash");
                if (!result.TryGetProperty("locations", out var locations) || locations.GetArrayLength() == 0)
                {
                    problems.Add($"{at}: no locations");
                    continue;
                }
                if (locations.GetArrayLength() > MaxLocationsPerResult) problems.Add($"{at}: too many locations");
                if (!locations[0].TryGetProperty("physicalLocation", out var physical))
                {
                    problems.Add($"{at}: no physicalLocation");
                    continue;
                }
                var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString() ?? "";
                if (!RepositoryRelative(uri)) problems.Add($"{at}: uri '{uri}' is not relative to the repository root");
                if (!physical.TryGetProperty("region", out var region) || region.GetProperty("startLine").GetInt32() < 1)
                    problems.Add($"{at}: no region.startLine");
            }
        }
        return problems;
    }

    /// <summary>A path inside the checkout: relative, forward slashes, no "." or ".." segments, not stdin's "-".</summary>
    public static bool RepositoryRelative(string uri) =>
        uri.Length > 0 && uri != "-" && !uri.Contains(':', StringComparison.Ordinal) && !uri.StartsWith('/') && !uri.Contains('\\', StringComparison.Ordinal)
        && uri.Split('/').All(segment => segment is not ("" or "." or ".."));

    private static long GzipSize(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        return buffer.Length;
    }
}
