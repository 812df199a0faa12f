using System.Text;

namespace Kalc.Iac.Reporting.Tests;

/// <summary>Compares output with a reviewed file under tests/Reporting.Tests/golden. On a mismatch the test
/// fails with a line diff; KALC_UPDATE_GOLDEN=1 rewrites the file instead (then read the git diff).</summary>
internal static class Golden
{
    private const int Context = 2;

    public static string Directory => RepoRoot.File("tests", "Reporting.Tests", "golden");

    public static void Verify(string name, string actual)
    {
        var path = System.IO.Path.Combine(Directory, name);
        var update = Environment.GetEnvironmentVariable("KALC_UPDATE_GOLDEN") == "1";
        var expected = File.Exists(path) ? File.ReadAllText(path) : null;
        if (expected == actual) return;
        if (update)
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.Fail(expected is null
            ? $"golden file {name} does not exist; run with KALC_UPDATE_GOLDEN=1 to create it, then read it.\nOutput:\n{actual}"
            : $"output differs from golden {name} (- golden, + actual); KALC_UPDATE_GOLDEN=1 rewrites it:\n{Diff(expected, actual)}");
    }

    /// <summary>A unified-style line diff with a little context around each change (LCS; goldens are small).</summary>
    public static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var script = new List<(char Op, int Line, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { script.Add((' ', x + 1, a[x])); x++; y++; }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1])) { script.Add(('-', x + 1, a[x])); x++; }
            else { script.Add(('+', y + 1, b[y])); y++; }
        }

        var sb = new StringBuilder();
        var lastPrinted = -1;
        for (var k = 0; k < script.Count; k++)
        {
            var near = false;
            for (var d = -Context; d <= Context && !near; d++)
                near = k + d >= 0 && k + d < script.Count && script[k + d].Op != ' ';
            if (!near) continue;
            if (lastPrinted >= 0 && k > lastPrinted + 1) sb.Append("...\n");
            if (lastPrinted < 0 || k > lastPrinted + 1) sb.Append($"@@ line {script[k].Line} @@\n");
            sb.Append(script[k].Op).Append(' ').Append(Visible(script[k].Text)).Append('\n');
            lastPrinted = k;
        }
        return sb.ToString();
    }

    // Make invisible differences visible: trailing spaces, escapes, carriage returns.
    private static string Visible(string line) =>
        line.Replace("\u001b", "\\e").Replace("\r", "\\r") + (line.EndsWith(' ') ? "⏎" : "");
}
