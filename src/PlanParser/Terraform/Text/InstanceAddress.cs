using System.Collections.Immutable;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>The parts of a resource instance address as Terraform prints it
/// (<c>module.a["k"].module.b.data.aws_iam_role.r[0]</c>).</summary>
internal sealed record InstanceAddress(string? Module, string Mode, string Type, string Name, string? Index)
{
    /// <summary>Splits an address; null when it is not one (so a prose line is not mistaken for a header).</summary>
    public static InstanceAddress? TryParse(string address)
    {
        var steps = Steps(address);
        if (steps is null || steps.Count < 2) return null;
        var i = 0;
        while (i + 1 < steps.Count && steps[i].Name == "module" && steps[i].Index is null)
        {
            if (i + 1 >= steps.Count) return null;
            i += 2;
        }
        var module = i == 0 ? null : string.Join('.', steps.Take(i).Select(s => s.Name + s.Index));
        var mode = "managed";
        if (steps.Count - i == 3 && steps[i].Name is "data" or "ephemeral" && steps[i].Index is null)
        {
            mode = steps[i].Name;
            i++;
        }
        if (steps.Count - i != 2 || steps[i].Index is not null) return null;
        var type = steps[i].Name;
        var last = steps[i + 1];
        if (!IsIdentifier(type) || !IsIdentifier(last.Name)) return null;
        return new InstanceAddress(module, mode, type, last.Name, last.Index is null ? null : last.Index[1..^1]);
    }

    /// <summary>A change of this instance with the address parts filled in; the caller adds values and details.</summary>
    public ResourceChange Change(string address, ImmutableArray<ChangeAction> actions, ReplaceOrder order, SourceRef source) => new()
    {
        Address = address,
        ModuleAddress = Module,
        Mode = Mode,
        Type = Type,
        Name = Name,
        Index = Index,
        Actions = actions,
        ReplaceOrder = order,
        Source = source,
    };

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(c => char.IsLetterOrDigit(c) || c is '_' or '-');

    /// <summary>Name[index] steps separated by dots outside brackets and quotes.</summary>
    private static List<(string Name, string? Index)>? Steps(string address)
    {
        var steps = new List<(string, string?)>();
        var pos = 0;
        while (pos <= address.Length)
        {
            var start = pos;
            while (pos < address.Length && address[pos] is not ('.' or '[')) pos++;
            var name = address[start..pos];
            if (name.Length == 0) return null;
            string? index = null;
            if (pos < address.Length && address[pos] == '[')
            {
                var close = IndexClose(address, pos);
                if (close < 0) return null;
                index = address[pos..(close + 1)];
                pos = close + 1;
            }
            steps.Add((name, index));
            if (pos == address.Length) break;
            if (address[pos] != '.') return null;
            pos++;
        }
        return steps;
    }

    private static int IndexClose(string s, int open)
    {
        var inString = false;
        for (var i = open + 1; i < s.Length; i++)
        {
            var c = s[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            }
            else if (c == '"') inString = true;
            else if (c == ']') return i;
        }
        return -1;
    }
}
