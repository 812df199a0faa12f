using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Kalc.Iac.KubeModel.Live;

/// <summary>The lists kalc-iac reads through KubernetesClient: nodes, service accounts, Deployments,
/// DaemonSets, StatefulSets (all namespaces) and the ConfigMaps of kube-system. Typed objects are written
/// back with the client's own serializer (the API's JSON names), so a List matches <c>kubectl get -o json</c>.</summary>
public static class KubeListCalls
{
    public static IReadOnlyList<KubeListCall> For(IKubernetes client) =>
    [
        new("kubectl get nodes", "k8s_nodes.json", "v1", "Node", "nodes",
            async (limit, token, ct) => Page(await client.CoreV1.ListNodeAsync(continueParameter: token, limit: limit, cancellationToken: ct).ConfigureAwait(false))),
        new("kubectl get serviceaccounts -A", "k8s_serviceaccounts.json", "v1", "ServiceAccount", "service accounts",
            async (limit, token, ct) => Page(await client.CoreV1.ListServiceAccountForAllNamespacesAsync(continueParameter: token, limit: limit, cancellationToken: ct).ConfigureAwait(false))),
        new("kubectl get deployments -A", "k8s_deployments.json", "apps/v1", "Deployment", "Deployments",
            async (limit, token, ct) => Page(await client.AppsV1.ListDeploymentForAllNamespacesAsync(continueParameter: token, limit: limit, cancellationToken: ct).ConfigureAwait(false))),
        new("kubectl get daemonsets -A", "k8s_daemonsets.json", "apps/v1", "DaemonSet", "DaemonSets",
            async (limit, token, ct) => Page(await client.AppsV1.ListDaemonSetForAllNamespacesAsync(continueParameter: token, limit: limit, cancellationToken: ct).ConfigureAwait(false))),
        new("kubectl get statefulsets -A", "k8s_statefulsets.json", "apps/v1", "StatefulSet", "StatefulSets",
            async (limit, token, ct) => Page(await client.AppsV1.ListStatefulSetForAllNamespacesAsync(continueParameter: token, limit: limit, cancellationToken: ct).ConfigureAwait(false))),
        new("kubectl get configmaps -n kube-system", "k8s_kube-system_configmaps.json", "v1", "ConfigMap", "kube-system ConfigMaps",
            async (limit, token, ct) => Page(await client.CoreV1.ListNamespacedConfigMapAsync("kube-system", continueParameter: token, limit: limit, cancellationToken: ct).ConfigureAwait(false))),
    ];

    private static KubeListPage Page<T>(IItems<T> list)
        where T : IKubernetesObject
    {
        // One serializer pass per page: the client's own (source-generated) converters give the API's JSON names and
        // formats. The list object is what its serializer context knows, so the page is written whole and its items taken.
        var array = JsonNode.Parse(KubernetesJson.Serialize(list))?["items"] as JsonArray ?? throw new JsonException("a list page without items");
        var items = new List<JsonNode>(array.Count);
        foreach (var item in array)
        {
            if (item is not null) items.Add(item);
        }
        var token = (list as IMetadata<V1ListMeta>)?.Metadata?.ContinueProperty;
        return new KubeListPage(items, string.IsNullOrEmpty(token) ? null : token);
    }
}
