using System.Text;
using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.PlanParser.Tests.Generators;

namespace Kalc.Iac.PlanParser.Tests.Text;

/// <summary>Prints a <see cref="GeneratedPlan"/> the way Terraform 1.x <c>plan</c> does (optionally coloured, CRLF).</summary>
internal static class TerraformTextRenderer
{
    public static string Render(GeneratedPlan plan, bool colour = false, bool crlf = false)
    {
        var sb = new StringBuilder();
        sb.Append("Terraform used the selected providers to generate the following execution\nplan. Resource actions are indicated with the following symbols:\n  + create\n\n");
        if (plan.Resources.IsEmpty)
        {
            sb.Append("No changes. Your infrastructure matches the configuration.\n");
            return Finish(sb, crlf);
        }
        sb.Append("Terraform will perform the following actions:\n\n");
        foreach (var r in plan.Resources) Resource(sb, r, colour);
        var add = plan.Resources.Count(r => r.Action is GeneratedAction.Create or GeneratedAction.ReplaceDeleteFirst or GeneratedAction.ReplaceCreateFirst);
        var change = plan.Resources.Count(r => r.Action == GeneratedAction.Update);
        var destroy = plan.Resources.Count(r => r.Action is GeneratedAction.Delete or GeneratedAction.ReplaceDeleteFirst or GeneratedAction.ReplaceCreateFirst);
        sb.Append(colour ? "\u001b[1mPlan:\u001b[0m " : "Plan: ").Append($"{add} to add, {change} to change, {destroy} to destroy.\n");
        return Finish(sb, crlf);
    }

    private static string Finish(StringBuilder sb, bool crlf) => crlf ? sb.ToString().ReplaceLineEndings("\r\n") : sb.ToString();

    private static void Resource(StringBuilder sb, GeneratedResource r, bool colour)
    {
        var (phrase, marker) = r.Action switch
        {
            GeneratedAction.Create => ("will be created", "  +"),
            GeneratedAction.Update => ("will be updated in-place", "  ~"),
            GeneratedAction.Delete => ("will be destroyed", "  -"),
            GeneratedAction.ReplaceDeleteFirst => ("must be replaced", "-/+"),
            GeneratedAction.ReplaceCreateFirst => ("must be replaced", "+/-"),
            _ => ("will be read during apply", " <="),
        };
        sb.Append(colour ? $"\u001b[1m  # {r.Address}\u001b[0m {phrase}\n" : $"  # {r.Address} {phrase}\n");
        if (r.Action == GeneratedAction.Read) sb.Append("  # (config refers to values not yet known)\n");
        var m = colour ? $"\u001b[33m{marker}\u001b[0m" : marker;
        sb.Append($"{m} {(r.IsData ? "data" : "resource")} \"{r.Type}\" \"{r.Name}\" {{\n");
        var width = r.Attributes.Max(a => a.Name.Length);
        foreach (var a in r.Attributes) Attribute(sb, r.Action, a, width);
        sb.Append("    }\n\n");
    }

    private static void Attribute(StringBuilder sb, GeneratedAction action, GeneratedAttribute a, int width)
    {
        var name = a.Name.PadRight(width);
        var forces = a.ForcesReplacement ? " # forces replacement" : "";
        switch (action)
        {
            case GeneratedAction.Create or GeneratedAction.Read:
                sb.Append($"      + {name} = {Value(a.After)}\n");
                break;
            case GeneratedAction.Delete:
                sb.Append($"      - {name} = {Value(a.Before)} -> null\n");
                break;
            default:
                if (a.Before.IsSensitive && a.After.IsSensitive)
                    sb.Append($"      ~ {name} = (sensitive value){forces}\n");
                else if (Equals(a.Before, a.After))
                    sb.Append($"        {name} = {Value(a.Before)}\n");
                else
                    sb.Append($"      ~ {name} = {Value(a.Before)} -> {Value(a.After)}{forces}\n");
                break;
        }
    }

    private static string Value(PlanValue v) => v switch
    {
        PlanString s => PlanGenerator.Quote(s.Value).Replace("${", "$${", StringComparison.Ordinal),
        PlanUnknown => "(known after apply)",
        PlanSensitive => "(sensitive value)",
        _ => v.ToString() ?? "null",
    };
}
