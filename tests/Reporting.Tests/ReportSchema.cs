using System.Text.Json;
using Json.Schema;

namespace Kalc.Iac.Reporting.Tests;

/// <summary>docs/report.schema.json, loaded once, and a validator that says which paths failed.</summary>
internal static class ReportSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(RepoRoot.File("docs", "report.schema.json"))));

    /// <summary>Null when valid, else the failing instance locations and messages.</summary>
    public static string? Errors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return null;
        return string.Join("\n", (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));
    }
}
