using System.Globalization;

namespace Kalc.Iac.PlanParser.Kubespray.Defaults;

/// <summary>Orders kubespray release names: v2.15.0 &lt; v2.26.0 &lt; master.</summary>
public static class ReleaseOrder
{
    public static Version Key(string release)
    {
        if (release == "master") return new Version(int.MaxValue, 0);
        var t = release.TrimStart('v');
        var dash = t.IndexOfAny(['-', '+']);
        if (dash >= 0) t = t[..dash];
        var parts = t.Split('.').Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray();
        return new Version(parts.ElementAtOrDefault(0), parts.ElementAtOrDefault(1), parts.ElementAtOrDefault(2));
    }
}
