using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules;

namespace Kalc.Iac.Cli;

/// <summary>`kalc-iac rules` and `kalc-iac explain ID`, generated from the rule descriptors.</summary>
internal static class RulesCommand
{
    public static int List(TextWriter output)
    {
        foreach (var r in RuleRegistry.All.Select(r => r.Descriptor).OrderBy(d => d.Id, StringComparer.Ordinal))
            output.WriteLine($"{r.Id}  {r.Severity.ToWire(),-8}  {r.Category,-16}  {r.Title}");
        return ExitCodes.Ok;
    }

    public static int Explain(IReadOnlyList<string> args, TextWriter output)
    {
        if (args.Count != 1) throw new UsageException("usage: kalc-iac explain RULE_ID");
        var rule = RuleRegistry.Find(args[0]) ?? throw new UsageException($"no rule {args[0]} (see kalc-iac rules)");
        var d = rule.Descriptor;
        output.WriteLine($"{d.Id}: {d.Title}");
        output.WriteLine($"severity: {d.Severity.ToWire()}    category: {d.Category}");
        output.WriteLine($"protects: {string.Join(", ", d.Components)}");
        output.WriteLine();
        output.WriteLine("Why:");
        foreach (var line in Reporting.Text.WordWrap.Lines(d.Rationale, 76)) output.WriteLine("  " + line);
        output.WriteLine();
        output.WriteLine("What to do:");
        foreach (var line in Reporting.Text.WordWrap.Lines(d.Remediation, 76)) output.WriteLine("  " + line);
        output.WriteLine();
        output.WriteLine($"More: {d.HelpLink}");
        return ExitCodes.Ok;
    }
}
