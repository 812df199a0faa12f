using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Reporting.Json;

/// <summary>The machine-readable report, schemaVersion 1 (docs/report-format.md, docs/report.schema.json).</summary>
public sealed class JsonReporter : IReporter
{
    public const int SchemaVersion = 1;

    // Relaxed escaping keeps "—" and non-ASCII names readable; control characters, quotes and
    // backslashes are still escaped, so the output is always valid JSON.
    private static readonly JsonReportContext Context = new(new JsonSerializerOptions(JsonReportContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = Context.Options.WriteIndented,
        IndentSize = Context.Options.IndentSize,
        NewLine = Context.Options.NewLine,
        Encoder = Context.Options.Encoder,
        MaxDepth = Context.Options.MaxDepth,
    };

    public string Format => "json";

    public void Write(AnalysisReport report, TextWriter output, ReportOptions options)
    {
        var wire = ToWire(report, options);
        TextWriterJson.Write(output, WriterOptions, json => JsonSerializer.Serialize(json, wire, Context.JsonReportWire));
        output.Write('\n');
    }

    internal static JsonReportWire ToWire(AnalysisReport report, ReportOptions options) => new(
        SchemaVersion,
        new JsonToolWire(ToolInfo.Name, options.ToolVersion),
        report.Verdict.ToString().ToLowerInvariant(),
        Strings(report.Missing),
        new JsonInputWire(report.Input.Kind, report.Input.FormatVersion, report.Input.Producer),
        ToWire(report.Changes),
        [.. FindingOrder.Sort(report.Findings).Select(ToWire)],
        Strings(report.Notes),
        report.AccountId,
        [.. (report.NotRead.IsDefault ? [] : report.NotRead).Select(n => new JsonNotReadWire(n.File, n.Output))]);

    private static JsonChangesWire ToWire(ChangeSummary changes)
    {
        int Count(ChangeKind kind) => changes.ByAction.GetValueOrDefault(kind);
        return new JsonChangesWire(
            changes.Total,
            new JsonByActionWire(
                Count(ChangeKind.Create), Count(ChangeKind.Update), Count(ChangeKind.Delete), Count(ChangeKind.Replace),
                Count(ChangeKind.Read), Count(ChangeKind.NoOp), Count(ChangeKind.Forget)),
            changes.Analysed,
            changes.Unsupported,
            changes.Unknown,
            changes.NotAnalysed);
    }

    private static JsonFindingWire ToWire(Finding finding) => new(
        finding.RuleId,
        finding.Severity.ToWire(),
        finding.Title,
        finding.Message,
        finding.Change is { } change ? new JsonChangeWire(change.Address, Strings(change.Actions)) : null,
        finding.Source is { } source ? new JsonSourceWire(source.File, source.Line) : null,
        new JsonImpactWire(
            Strings(finding.Impact.Components),
            Strings(finding.Impact.Instances),
            Strings(finding.Impact.Nodes),
            Strings(finding.Impact.ServiceAccounts),
            finding.Impact.TimeToImpact.ToWire()),
        [.. (finding.Evidence.IsDefault ? [] : finding.Evidence).Select(e => new JsonEvidenceWire(e.Fact, e.From.ToString(), e.From.Kind.ToString().ToLowerInvariant()))],
        finding.Remediation);

    // default(ImmutableArray) from a careless producer prints as [] rather than throwing.
    private static string[] Strings(ImmutableArray<string> items) => items.IsDefault ? [] : [.. items];
}
