using System.Text.Json.Serialization;

namespace Kalc.Iac.Reporting.Json;

// The JSON report's wire format, schemaVersion 1 (docs/report.schema.json). Dedicated records so the
// model can evolve without breaking the schema: extend with new members at the end, never rename or remove.
// Property order here is the order in the output.

internal sealed record JsonReportWire(
    int SchemaVersion,
    JsonToolWire Tool,
    string Verdict,
    IReadOnlyList<string> Missing,
    JsonInputWire Input,
    JsonChangesWire Changes,
    IReadOnlyList<JsonFindingWire> Findings,
    IReadOnlyList<string> Notes,
    string? AccountId,
    IReadOnlyList<JsonNotReadWire> NotRead);

/// <summary>A state file holding an output kalc-iac does not read (schemaVersion 1, added: "notRead").</summary>
internal sealed record JsonNotReadWire(string File, string Output);

internal sealed record JsonToolWire(string Name, string Version);

internal sealed record JsonInputWire(string Kind, string? FormatVersion, string? Producer);

/// <summary>NotAnalysed: the changes counted as unsupported or unknown, each with why (schemaVersion 1, added:
/// "changes.notAnalysed"; written as {"address", "status", "reason"} by <see cref="NotAnalysedConverter"/>).</summary>
internal sealed record JsonChangesWire(int Total, JsonByActionWire ByAction, int Analysed, int Unsupported, int Unknown,
    [property: JsonConverter(typeof(NotAnalysedConverter))] System.Collections.Immutable.ImmutableArray<Kalc.Iac.Analyzers.Model.UnanalysedChange> NotAnalysed);

internal sealed record JsonByActionWire(
    int Create,
    int Update,
    int Delete,
    int Replace,
    int Read,
    [property: JsonPropertyName("no-op")] int NoOp,
    int Forget);

internal sealed record JsonFindingWire(
    string RuleId,
    string Severity,
    string Title,
    string Message,
    JsonChangeWire? Change,
    JsonSourceWire? Source,
    JsonImpactWire Impact,
    IReadOnlyList<JsonEvidenceWire> Evidence,
    string Remediation);

internal sealed record JsonChangeWire(string Address, IReadOnlyList<string> Actions);

internal sealed record JsonSourceWire(string File, int? Line);

internal sealed record JsonImpactWire(
    IReadOnlyList<string> Components,
    IReadOnlyList<string> Instances,
    IReadOnlyList<string> Nodes,
    IReadOnlyList<string> ServiceAccounts,
    string TimeToImpact);

/// <summary>"from" as text (as always); "fromKind": input, reference, catalog or analysis (added in schemaVersion 1).</summary>
internal sealed record JsonEvidenceWire(string Fact, string From, string FromKind);
