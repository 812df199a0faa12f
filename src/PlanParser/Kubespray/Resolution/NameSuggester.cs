namespace Kalc.Iac.PlanParser.Kubespray.Resolution;

/// <summary>The closest known name by edit distance (Levenshtein), when it is close enough to be a likely typo.</summary>
public static class NameSuggester
{
    public static string? Closest(string name, IEnumerable<string> known)
    {
        var limit = Math.Max(2, name.Length / 6);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var k in known)
        {
            if (Math.Abs(k.Length - name.Length) > limit) continue;
            var d = Distance(name, k, limit);
            if (d < bestDistance || (d == bestDistance && string.CompareOrdinal(k, best) < 0))
            {
                best = k;
                bestDistance = d;
            }
        }
        return bestDistance <= limit && bestDistance > 0 ? best : null;
    }

    public static int Distance(string a, string b, int cap = int.MaxValue)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.Min(rowMin, cur[j]);
            }
            if (rowMin > cap) return rowMin;
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
