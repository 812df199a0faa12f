using System.Text.Json;
using Json.Schema;

namespace Kalc.Iac.Reporting.Tests;

/// <summary>docs/report.schema.json (and the reduced SARIF schema), loaded once, and a validator that says which paths failed.</summary>
internal static class ReportSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(RepoRoot.File("docs", "report.schema.json"))));

    private static readonly Lazy<JsonSchema> Sarif = new(() =>
        JsonSchema.FromText(File.ReadAllText(RepoRoot.File("tests", "Reporting.Tests", "sarif-2.1.0-reduced.schema.json"))));

    private static readonly Lazy<JsonSchema> OfficialSarif = new(() =>
        JsonSchema.FromText(File.ReadAllText(RepoRoot.File("tests", "Reporting.Tests", "sarif-schema-2.1.0.json"))));

    /// <summary>Null when the SARIF log is valid against the official OASIS SARIF 2.1.0 schema (tests/Reporting.Tests/SOURCES.md),
    /// formats (uri, uri-reference) asserted.</summary>
    public static string? OfficialSarifErrors(string json) => Errors(OfficialSarif.Value, json, requireFormats: true);

    /// <summary>Null when the JSON report is valid, else the failing instance locations and messages.</summary>
    public static string? Errors(string json) => Errors(Schema.Value, json);

    /// <summary>The same against the reduced SARIF 2.1.0 schema.</summary>
    public static string? SarifErrors(string json) => Errors(Sarif.Value, json);

    private static string? Errors(JsonSchema schema, string json, bool requireFormats = false)
    {
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = requireFormats });
        if (result.IsValid) return null;
        return string.Join("\n", (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));
    }
}
