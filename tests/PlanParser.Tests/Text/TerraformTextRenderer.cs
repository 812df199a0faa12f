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
        var shown = r.Attributes.Where(a => !(r.ChangesInPlace && a.HiddenWhenUnchanged)).ToList();
        var width = shown.Count == 0 ? 0 : shown.Max(a => a.Name.Length);
        foreach (var a in shown) Attribute(sb, r.Action, a, width);
        if (shown.Count < r.Attributes.Length) sb.Append($"        {Hidden(r.Attributes.Length - shown.Count, "attribute")}\n");
        Blocks(sb, r);
        sb.Append("    }\n\n");
    }

    private static string Hidden(int n, string noun) => $"# ({n} unchanged {noun}{(n == 1 ? "" : "s")} hidden)";

    // renderers/block.go: a blank line before the blocks, each as "MARKER NAME {" ... "}" (or "{}" when empty;
    // format/diff.go of 0.12-1.2 printed "{" and "}" on the next line), unchanged ones counted at the end.
    private static void Blocks(StringBuilder sb, GeneratedResource r)
    {
        if (r.NestedBlocks.IsEmpty) return;
        sb.Append('\n');
        var unchanged = 0;
        foreach (var b in r.NestedBlocks)
        {
            if (b.Unchanged && r.ChangesInPlace)
            {
                unchanged++;
                continue;
            }
            var marker = b.Before is null ? "+" : b.After is null ? "-" : "~";
            sb.Append($"      {marker} {b.Name} {{");
            if (b.Sensitive)
            {
                sb.Append("\n          # At least one attribute in this block is (or was) sensitive,\n          # so its contents will not be displayed.\n        }\n");
                continue;
            }
            var body = (b.After ?? b.Before)!;
            if (b.Before is not null && b.After is not null)
            {
                var changed = b.After.Properties.Where(kv => !(b.Before.Properties.TryGetValue(kv.Key, out var v) && Equals(v, kv.Value))).ToList();
                sb.Append('\n');
                foreach (var (k, v) in changed)
                    sb.Append(b.Before.Properties.TryGetValue(k, out var old) ? $"          ~ {k} = {Value(old)} -> {Value(v)}\n" : $"          + {k} = {Value(v)}\n");
                if (b.HiddenAttributes > 0) sb.Append($"            {Hidden(b.HiddenAttributes, "attribute")}\n");
                sb.Append("        }\n");
                continue;
            }
            if (body.Properties.Count == 0)
            {
                sb.Append(b.BraceOnNextLine ? "\n        }\n" : "}\n");
                continue;
            }
            sb.Append('\n');
            foreach (var (k, v) in body.Properties)
                sb.Append(marker == "+" ? $"          + {k} = {Value(v)}\n" : $"          - {k} = {Value(v)} -> null\n");
            sb.Append("        }\n");
        }
        if (unchanged > 0) sb.Append($"\n        {Hidden(unchanged, "block")}\n");
    }

    private static void Attribute(StringBuilder sb, GeneratedAction action, GeneratedAttribute a, int width)
    {
        var name = a.Name.PadRight(width);
        var forces = a.ForcesReplacement ? " # forces replacement" : "";
        switch (action)
        {
            case GeneratedAction.Create or GeneratedAction.Read:
                sb.Append($"      + {name} = {Value(a.After, "+")}\n");
                break;
            case GeneratedAction.Delete:
                sb.Append($"      - {name} = {Value(a.Before, "-")} -> null\n");
                break;
            default:
                if (a.Before.IsSensitive && a.After.IsSensitive)
                    sb.Append($"      ~ {name} = (sensitive value){forces}\n");
                else if (Equals(a.Before, a.After))
                    sb.Append($"        {name} = {Value(a.Before)}\n");
                else if (a.Before is PlanList before && a.After is PlanList after)
                    sb.Append($"      ~ {name} = {SetDiff(before, after, forces)}\n");
                else
                    sb.Append($"      ~ {name} = {Value(a.Before, "-")} -> {Value(a.After, "+")}{forces}\n");
                break;
        }
    }

    // renderers/set.go: added and removed elements, the unchanged ones counted.
    private static string SetDiff(PlanList before, PlanList after, string forces)
    {
        var sb = new StringBuilder($"[{forces}\n");
        foreach (var added in after.Items.Except(before.Items)) sb.Append($"          + {Value(added)},\n");
        foreach (var removed in before.Items.Except(after.Items)) sb.Append($"          - {Value(removed)},\n");
        var kept = before.Items.Intersect(after.Items).Count();
        if (kept > 0) sb.Append($"            {Hidden(kept, "element")}\n");
        return sb.Append("        ]").ToString();
    }

    private static string Value(PlanValue v, string marker) => v switch
    {
        PlanList { Items.IsEmpty: true } => "[]",
        PlanList list => $"[\n{string.Concat(list.Items.Select(i => $"          {marker} {Value(i)},\n"))}        ]",
        _ => Value(v),
    };

    private static string Value(PlanValue v) => v switch
    {
        PlanString s => PlanGenerator.Quote(s.Value).Replace("${", "$${", StringComparison.Ordinal),
        PlanUnknown => "(known after apply)",
        PlanSensitive => "(sensitive value)",
        _ => v.ToString() ?? "null",
    };
}
