using System.Collections.Immutable;
using System.Globalization;
using Kalc.Iac.AwsModel.Dumps;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.Analyzers.Catalog;

/// <summary>Whether an EKS add-on version runs on a Kubernetes version: the describe-addon-versions output in the state first,
/// then the bundled catalog (addon-versions.json, rows of the EKS user guide's tables), and for kube-proxy the Kubernetes version
/// skew policy (not newer than the API server, at most three minor versions older).</summary>
public sealed class AddonCompatibility
{
    public const string SkewPolicy = "https://kubernetes.io/releases/version-skew-policy/";

    public static readonly ImmutableArray<AddonVersionInfo> Bundled;

    /// <summary>Add-ons whose publisher states only the lowest Kubernetes version they run on (the catalog's "floors").</summary>
    public static readonly ImmutableArray<AddonFloor> Floors;

    static AddonCompatibility() => (Bundled, Floors) = Load();

    private readonly ImmutableArray<AddonVersionInfo> _published;

    public AddonCompatibility(ImmutableArray<AddonVersionInfo> fromState) => _published = fromState;

    /// <summary>Yes / no with the fact that decides it, or null when nothing known decides it.</summary>
    public (bool Compatible, string Fact, SourceRef From)? Check(string addon, string version, string clusterVersion)
    {
        if (_published.FirstOrDefault(v => v.AddonName == addon && v.Version == version) is { } stated)
            return (stated.ClusterVersions.Contains(clusterVersion), $"aws eks describe-addon-versions lists {addon} {version} for Kubernetes {string.Join(", ", stated.ClusterVersions)}", stated.Source);
        if (addon == "kube-proxy" && Minor(version) is { } proxy && Minor(clusterVersion) is { } server)
        {
            var ok = proxy.Major == server.Major && proxy.Minor <= server.Minor && server.Minor - proxy.Minor <= (proxy.Minor < 25 ? 2 : 3);
            return (ok, $"kube-proxy {version} {(ok ? "is" : "is not")} within the version skew policy for a {clusterVersion} API server (not newer, at most three minor versions older)",
                SourceRef.Of(SkewPolicy));
        }
        var line = Minor(version);
        var rows = Bundled.Where(v => v.AddonName == addon && Minor(v.Version) == line).ToList();
        var listed = rows.FirstOrDefault(r => r.ClusterVersions.Contains(clusterVersion));
        if (listed is not null)
            return (true, $"the EKS user guide lists {addon} {listed.Version} (the {line} line) for Kubernetes {clusterVersion}", listed.Source);
        if (Floors.FirstOrDefault(f => f.AddonName == addon) is { } floor && Minor(clusterVersion) is { } cluster && Minor(floor.MinimumKubernetes) is { } min && Minor(floor.AnyPlatformFrom) is { } any)
        {
            if (cluster.CompareTo(min) < 0) return (false, $"{floor.Fact}; the cluster runs {clusterVersion}", SourceRef.Of(floor.Source));
            if (cluster.CompareTo(any) >= 0) return (true, $"{floor.Fact}; the cluster runs {clusterVersion}", SourceRef.Of(floor.Source));
        }
        return null;
    }

    /// <summary>"v1.11.4-eksbuild.24" or "1.29" -> (1, 11).</summary>
    public static (int Major, int Minor)? Minor(string? version)
    {
        if (version is null) return null;
        var parts = version.TrimStart('v').Split('.', '-');
        return parts.Length >= 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var major) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var minor)
            ? (major, minor) : null;
    }

    private static (ImmutableArray<AddonVersionInfo>, ImmutableArray<AddonFloor>) Load()
    {
        using var stream = typeof(AddonCompatibility).Assembly.GetManifestResourceStream("Kalc.Iac.Analyzers.Catalog.addon-versions.json")
            ?? throw new InvalidOperationException("addon-versions.json is not embedded");
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        var bytes = ms.ToArray();
        var parsed = AwsDumpParser.Parse(bytes, "kalc-iac catalog addon-versions.json");
        if (!parsed.IsOk) throw new InvalidOperationException("addon-versions.json: " + parsed.Error);
        using var doc = System.Text.Json.JsonDocument.Parse(bytes);
        var floors = doc.RootElement.TryGetProperty("floors", out var f)
            ? f.EnumerateArray().Select(e => new AddonFloor(e.Need("addonName", "floor"), e.Need("minimumKubernetes", "floor"), e.Need("anyPlatformFrom", "floor"),
                e.Need("fact", "floor"), e.Need("source", "floor"))).ToImmutableArray()
            : [];
        return (parsed.Value.State.AddonVersions, floors);
    }
}

/// <summary>The lowest Kubernetes version any version of an add-on runs on, as its publisher states it; from
/// <see cref="AnyPlatformFrom"/> on, on every EKS platform version.</summary>
public sealed record AddonFloor(string AddonName, string MinimumKubernetes, string AnyPlatformFrom, string Fact, string Source);
