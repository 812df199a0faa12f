using System.Globalization;
using Kalc.Iac.Core;

namespace Kalc.Iac.PlanParser.Kubespray.Inventory;

/// <summary>Expands Ansible host ranges: <c>node[1:3]</c>, <c>node[01:10:2]</c>, <c>db-[a:c]</c>.</summary>
public static class HostPattern
{
    public const int MaxHosts = 100_000;

    public static IReadOnlyList<string> Expand(string pattern, SourceRef where)
    {
        var open = pattern.IndexOf('[');
        var close = open < 0 ? -1 : pattern.IndexOf(']', open);
        if (open < 0 || close < 0) return [pattern];
        var parts = pattern[(open + 1)..close].Split(':');
        if (parts.Length is < 2 or > 3) return [pattern];
        var head = pattern[..open];
        var tails = Expand(pattern[(close + 1)..], where);
        var step = parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var st) && st > 0 ? st : 1;
        var result = new List<string>();
        if (int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from) &&
            int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to))
        {
            var width = parts[0].Length > 1 && parts[0][0] == '0' ? parts[0].Length : 0;
            for (var i = from; i <= to; i += step)
                AddAll(result, head + i.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'), tails, where);
        }
        else if (parts[0].Length == 1 && parts[1].Length == 1 && char.IsLetter(parts[0][0]) && char.IsLetter(parts[1][0]))
        {
            for (var c = parts[0][0]; c <= parts[1][0]; c = (char)(c + step))
                AddAll(result, head + c, tails, where);
        }
        else
        {
            throw new InputException(new InputError(where.File, $"invalid host range '{ErrorText.Excerpt(pattern)}'", where.Line));
        }
        return result;
    }

    private static void AddAll(List<string> into, string prefix, IReadOnlyList<string> tails, SourceRef where)
    {
        foreach (var t in tails) into.Add(prefix + t);
        if (into.Count > MaxHosts) throw new InputException(new InputError(where.File, $"host range expands to more than {MaxHosts} hosts", where.Line));
    }
}
