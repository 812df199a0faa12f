using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.KubeModel.Readers;

/// <summary>Parses data.ClusterConfiguration of the kube-system/kubeadm-config ConfigMap (kubeadm.k8s.io v1beta1 to
/// v1beta4; see https://kubernetes.io/docs/reference/config-api/kubeadm-config.v1beta4/). An unreadable one is
/// noted in <paramref name="missing"/> and gives null.</summary>
public static class KubeadmConfigParser
{
    public const string ClusterConfigurationKey = "ClusterConfiguration";

    public static KubeadmClusterConfig? Parse(ConfigMap kubeadmConfig, ICollection<string> missing)
    {
        var where = $"ConfigMap {kubeadmConfig.Namespace}/{kubeadmConfig.Name} in {kubeadmConfig.Source}";
        if (!kubeadmConfig.Data.TryGetValue(ClusterConfigurationKey, out var yaml))
        {
            missing.Add($"{where}: no data.{ClusterConfigurationKey}");
            return null;
        }
        KubeadmClusterConfig? config = null;
        if (!EmbeddedYaml.TryRead(yaml, where, root => config = Read(root, kubeadmConfig.Source.WithPath("data." + ClusterConfigurationKey)), out var error))
            missing.Add($"{where}: {ClusterConfigurationKey} is not valid YAML ({error})");
        else if (config is null)
            missing.Add($"{where}: {ClusterConfigurationKey} is not a mapping");
        return config;
    }

    /// <summary>Reads a ClusterConfiguration document (also usable on a kubeadm config file's document).</summary>
    public static KubeadmClusterConfig? Read(JsonElement root, SourceRef source)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        var networking = root.Obj("networking") ?? default;
        return new KubeadmClusterConfig
        {
            ApiVersion = root.Str("apiVersion"),
            KubernetesVersion = root.Str("kubernetesVersion"),
            ClusterName = root.Str("clusterName"),
            ControlPlaneEndpoint = root.Str("controlPlaneEndpoint"),
            PodSubnet = networking.Str("podSubnet"),
            ServiceSubnet = networking.Str("serviceSubnet"),
            ApiServerExtraArgs = ExtraArgs(root.Obj("apiServer")),
            ControllerManagerExtraArgs = ExtraArgs(root.Obj("controllerManager")),
            Source = source,
        };
    }

    /// <summary>extraArgs: a map up to v1beta3, a list of {name, value} from v1beta4 (a repeated name: the last wins here).</summary>
    private static ImmutableDictionary<string, string> ExtraArgs(JsonElement? component)
    {
        if (component is not { } c) return ImmutableDictionary<string, string>.Empty;
        if (c.Field("extraArgs") is { ValueKind: JsonValueKind.Array } list)
        {
            var b = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var arg in list.EnumerateArray())
                if (arg.Str("name") is { } name) b[name] = arg.Str("value") ?? "";
            return b.ToImmutable();
        }
        return c.StringMap("extraArgs");
    }
}
