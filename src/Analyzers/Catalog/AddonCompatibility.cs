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

    public static readonly ImmutableArray<AddonVersionInfo> Bundled = Load();

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

    private static ImmutableArray<AddonVersionInfo> Load()
    {
        using var stream = typeof(AddonCompatibility).Assembly.GetManifestResourceStream("Kalc.Iac.Analyzers.Catalog.addon-versions.json")
            ?? throw new InvalidOperationException("addon-versions.json is not embedded");
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        var parsed = AwsDumpParser.Parse(ms.ToArray(), "kalc-iac catalog addon-versions.json");
        return parsed.IsOk ? parsed.Value.State.AddonVersions : throw new InvalidOperationException("addon-versions.json: " + parsed.Error);
    }
}
