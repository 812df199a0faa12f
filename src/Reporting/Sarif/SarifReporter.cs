using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Reporting.Sarif;

/// <summary>SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps): one run, the rules as driver rules,
/// one result per finding, located at its source file when known, else logically at its plan address.</summary>
public sealed class SarifReporter : IReporter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Format => "sarif";

    public void Write(AnalysisReport report, TextWriter output, ReportOptions options)
    {
        var findings = FindingOrder.Sort(report.Findings);
        var rules = RulesFor(report.Rules, findings);
        TextWriterJson.Write(output, WriterOptions, json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules, options);
            WriteInvocation(json, report);
            json.WriteStartArray("results");
            foreach (var finding in findings)
                WriteResult(json, finding, rules, options.Artifacts);
            json.WriteEndArray();
            WriteRunProperties(json, report);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
        output.Write('\n');
    }

    /// <summary>The rules that ran, plus a minimal rule for any finding whose rule was not listed, sorted by id.</summary>
    private static ImmutableArray<RuleDescriptor> RulesFor(ImmutableArray<RuleDescriptor> ran, ImmutableArray<Finding> findings)
    {
        var byId = new SortedDictionary<string, RuleDescriptor>(StringComparer.Ordinal);
        foreach (var rule in ran.IsDefault ? [] : ran) byId.TryAdd(rule.Id, rule);
        foreach (var finding in findings)
        {
            if (byId.ContainsKey(finding.RuleId)) continue;
            byId[finding.RuleId] = new RuleDescriptor
            {
                Id = finding.RuleId,
                Title = finding.Title,
                Severity = finding.Severity,
                Rationale = finding.Title,
                Remediation = finding.Remediation,
                HelpLink = RuleDescriptors.DocsBase + finding.RuleId + ".md",
                Components = [],
                Category = "unlisted",
            };
        }
        return [.. byId.Values];
    }

    private static void WriteTool(Utf8JsonWriter json, ImmutableArray<RuleDescriptor> rules, ReportOptions options)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", options.ToolVersion);
        json.WriteString("semanticVersion", options.ToolVersion);
        json.WriteString("informationUri", ToolInfo.InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", RuleName(rule.Title));
            WriteMessage(json, "shortDescription", rule.Title);
            WriteMessage(json, "fullDescription", rule.Rationale);
            json.WriteStartObject("help");
            json.WriteString("text", rule.Remediation);
            json.WriteString("markdown", HelpMarkdown(rule));
            json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpLink);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", SarifLevel.Of(rule.Severity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", rule.Category);
            json.WriteString("severity", rule.Severity.ToWire());
            WriteStrings(json, "components", rule.Components);
            WriteStrings(json, "tags", [rule.Category, "kubernetes", "availability"]);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>What was missing becomes a warning notification, so a viewer shows that the run is incomplete.</summary>
    private static void WriteInvocation(Utf8JsonWriter json, AnalysisReport report)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var missing in report.Missing.IsDefault ? [] : report.Missing)
        {
            json.WriteStartObject();
            json.WriteString("level", "warning");
            WriteMessage(json, "message", "state missing: " + missing);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, ImmutableArray<RuleDescriptor> rules, SarifArtifacts? artifacts)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", rules.Select(r => r.Id).ToList().IndexOf(finding.RuleId));
        json.WriteString("level", SarifLevel.Of(finding.Severity));
        WriteMessage(json, "message", finding.Message);
        WriteLocations(json, finding, artifacts);
        // GitHub matches alerts across runs by primaryLocationLineHash; computed from the rule and the resource, never
        // from a line, so an alert survives edits that move the declaration.
        var fingerprint = SarifFingerprint.Of(finding.RuleId, Identity(finding));
        json.WriteStartObject("partialFingerprints");
        json.WriteString(SarifFingerprint.Key, fingerprint);
        json.WriteString(SarifFingerprint.GitHubKey, fingerprint);
        json.WriteEndObject();
        WriteResultProperties(json, finding);
        json.WriteEndObject();
    }

    /// <summary>What the finding is about: the plan address (kubespray: the variable), else its file, else its message.</summary>
    private static string Identity(Finding finding) => finding.Change?.Address ?? finding.Source?.File ?? finding.Message;

    /// <summary>Physically in a repository file (with <see cref="SarifArtifacts"/>: the finding's file when it is in the
    /// repository, else the fallback, always with a start line), and logically at the plan address.</summary>
    private static void WriteLocations(Utf8JsonWriter json, Finding finding, SarifArtifacts? artifacts)
    {
        (string Uri, int? Line, string? BaseId)? physical = null;
        if (artifacts is not null)
        {
            if (artifacts.Locate(finding.Source?.File, finding.Source?.Line) is { } located)
                physical = (located.Uri, located.Line, SarifUri.SourceRoot);
        }
        else if (finding.Source is { } source)
        {
            var (uri, baseId) = SarifUri.Of(source.File);
            physical = (uri, source.Line, baseId);
        }
        if (physical is null && finding.Change is null) return;
        json.WriteStartArray("locations");
        json.WriteStartObject();
        if (physical is { } p)
        {
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", p.Uri);
            if (p.BaseId is not null) json.WriteString("uriBaseId", p.BaseId);
            json.WriteEndObject();
            if (p.Line is > 0)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", p.Line.Value);
                if (finding.Source is { } own && own.Line == p.Line && own.Column is > 0) json.WriteNumber("startColumn", own.Column.Value);
                if (finding.Source is { LineText: { Length: > 0 } text } at && at.Line == p.Line)
                {
                    json.WriteStartObject("snippet");
                    json.WriteString("text", text);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        if (finding.Change is { } change)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", change.Address);
            json.WriteString("kind", "resource");
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>The rule's help as code scanning shows it under an alert: why, what to do, and the rule's page.</summary>
    private static string HelpMarkdown(RuleDescriptor rule) =>
        $"**{Markdown.MarkdownText.Escape(rule.Title)}**\n\n{Markdown.MarkdownText.Escape(rule.Rationale)}\n\n" +
        $"**What to do:** {Markdown.MarkdownText.Escape(rule.Remediation)}\n\n[{Markdown.MarkdownText.Escape(rule.Id)}]({Markdown.MarkdownText.Url(rule.HelpLink)})";

    private static void WriteResultProperties(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject("properties");
        json.WriteString("severity", finding.Severity.ToWire());
        json.WriteString("title", finding.Title);
        if (finding.Change is { } change) WriteStrings(json, "actions", change.Actions);
        json.WriteString("timeToImpact", finding.Impact.TimeToImpact.ToWire());
        json.WriteStartObject("impact");
        WriteStrings(json, "components", finding.Impact.Components);
        WriteStrings(json, "instances", finding.Impact.Instances);
        WriteStrings(json, "nodes", finding.Impact.Nodes);
        WriteStrings(json, "serviceAccounts", finding.Impact.ServiceAccounts);
        json.WriteEndObject();
        json.WriteStartArray("evidence");
        foreach (var step in finding.Evidence.IsDefault ? [] : finding.Evidence)
        {
            json.WriteStartObject();
            json.WriteString("fact", step.Fact);
            json.WriteString("from", step.From.ToString());
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("remediation", finding.Remediation);
        json.WriteEndObject();
    }

    private static void WriteRunProperties(Utf8JsonWriter json, AnalysisReport report)
    {
        json.WriteStartObject("properties");
        json.WriteString("verdict", report.Verdict.ToString().ToLowerInvariant());
        WriteStrings(json, "missing", report.Missing);
        WriteStrings(json, "notes", report.Notes);
        if (report.AccountId is { } account) json.WriteString("accountId", account);
        json.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, ImmutableArray<string> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items.IsDefault ? [] : items) json.WriteStringValue(item);
        json.WriteEndArray();
    }

    /// <summary>SARIF's rule name is an identifier: "Node instance profile deleted" -> "NodeInstanceProfileDeleted".</summary>
    internal static string RuleName(string title)
    {
        var sb = new StringBuilder(title.Length);
        foreach (var word in title.Split((char[])[' ', '-', '_', '/', '.', ',', ':', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string([.. word.Where(char.IsLetterOrDigit)]);
            if (letters.Length == 0) continue;
            sb.Append(char.ToUpperInvariant(letters[0])).Append(letters.AsSpan(1));
        }
        return sb.ToString();
    }
}
