using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>Reads one resource of Terraform 0.11 text: <c>-/+ ADDRESS (new resource required)</c> followed by
/// flat <c>key: "old" =&gt; "new"</c> lines. Values stay flat (<c>triggers.%</c>, <c>tags.Name</c>), as 0.11 printed them.</summary>
internal static partial class LegacyResourceReader
{
    [GeneratedRegex(@"^(?<marker>-/\+|\+/-|<=|[-+~])\s+(?<addr>[^\s(]\S*)(?<notes>(?:\s+\((?:tainted|new resource required|deposed)\))*)$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^\s+(?<key>[^\s:][^:]*?):\s+(?<value>.*)$")]
    private static partial Regex AttributeLine();

    public static bool IsHeader(string trimmed, out Match match)
    {
        match = Header().Match(trimmed);
        return match.Success && InstanceAddress.TryParse(match.Groups["addr"].Value) is not null;
    }

    public static (ResourceChange Change, int Next) Read(Match header, IReadOnlyList<PlanLine> lines, int index, string file)
    {
        var address = header.Groups["addr"].Value;
        var parts = InstanceAddress.TryParse(address)!;
        var marker = header.Groups["marker"].Value;
        var notes = header.Groups["notes"].Value;
        var (actions, order) = marker switch
        {
            "+" => ([ChangeAction.Create], ReplaceOrder.NotReplace),
            "-" => ([ChangeAction.Delete], ReplaceOrder.NotReplace),
            "~" => ([ChangeAction.Update], ReplaceOrder.NotReplace),
            "<=" => ([ChangeAction.Read], ReplaceOrder.NotReplace),
            "+/-" => ([ChangeAction.Create, ChangeAction.Delete], ReplaceOrder.CreateBeforeDestroy),
            _ => (ImmutableArray.Create(ChangeAction.Delete, ChangeAction.Create), ReplaceOrder.DeleteBeforeCreate),
        };
        var before = ImmutableDictionary.CreateBuilder<string, PlanValue>(StringComparer.Ordinal);
        var after = ImmutableDictionary.CreateBuilder<string, PlanValue>(StringComparer.Ordinal);
        var replacePaths = ImmutableArray.CreateBuilder<string>();
        var i = index + 1;
        for (; i < lines.Count; i++)
        {
            var m = AttributeLine().Match(lines[i].Text);
            if (!m.Success) break;
            var key = m.Groups["key"].Value.Trim();
            var value = m.Groups["value"].Value.Trim();
            const string forces = "(forces new resource)";
            if (value.EndsWith(forces, StringComparison.Ordinal))
            {
                replacePaths.Add(key);
                value = value[..^forces.Length].TrimEnd();
            }
            var arrow = ScalarText.IndexOutside(value, " => ");
            if (arrow >= 0)
            {
                before[key] = ScalarText.Parse(value[..arrow]);
                after[key] = ScalarText.Parse(value[(arrow + 4)..]);
            }
            else
            {
                if (marker is not ("+" or "<=")) before[key] = ScalarText.Parse(value);
                if (marker != "-") after[key] = ScalarText.Parse(value);
            }
        }
        var change = parts.Change(address, actions, order, SourceRef.Of(file, lines[index].Number, address)) with
        {
            ActionReason = notes.Contains("tainted", StringComparison.Ordinal) ? "replace_because_tainted" : null,
            Deposed = notes.Contains("deposed", StringComparison.Ordinal) ? "deposed" : null,
            Before = marker is "+" or "<=" ? PlanValue.Null : new PlanObject(before.ToImmutable()),
            After = marker == "-" ? PlanValue.Null : new PlanObject(after.ToImmutable()),
            ValuesComplete = marker is "+" or "<=",
            ReplacePaths = replacePaths.ToImmutable(),
        };
        return (change, i);
    }
}
