using System.Globalization;

namespace Kalc.Iac.Analyzers.Rules.Kubespray;

/// <summary>A Kubernetes version "v1.30.4" (a "+build" suffix or a leading "v" is ignored).</summary>
public readonly record struct KubeVersion(int Major, int Minor, int Patch) : IComparable<KubeVersion>
{
    public static bool TryParse(string? text, out KubeVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().TrimStart('v');
        var cut = t.IndexOfAny(['+', '-']);
        if (cut >= 0) t = t[..cut];
        var p = t.Split('.');
        if (p.Length < 2 || !int.TryParse(p[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) ||
            !int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)) return false;
        var patch = p.Length > 2 && int.TryParse(p[2], NumberStyles.None, CultureInfo.InvariantCulture, out var pt) ? pt : 0;
        version = new KubeVersion(major, minor, patch);
        return true;
    }

    public int CompareTo(KubeVersion other) => (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));

    public static bool operator <(KubeVersion a, KubeVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(KubeVersion a, KubeVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(KubeVersion a, KubeVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(KubeVersion a, KubeVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"v{Major}.{Minor}.{Patch}";
}
