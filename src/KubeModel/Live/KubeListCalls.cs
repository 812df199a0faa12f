using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Kalc.Iac.KubeModel.Live;

/// <summary>The lists kalc-iac reads through KubernetesClient: nodes, service accounts, Deployments,
/// DaemonSets, StatefulSets (all namespaces), the ConfigMaps of kube-system (aws-auth), Services, Ingresses,
/// PodDisruptionBudgets, webhook configurations, APIServices and karpenter's objects. Typed objects are written
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
        new("kubectl get services -A", "k8s_services.json", "v1", "Service", "Services (load balancer subnets)",
            async (limit, token, ct) => Page(await client.CoreV1.ListServiceForAllNamespacesAsync(continueParameter: token, limit: limit, cancellationToken: ct).ConfigureAwait(false))),
        new("kubectl get ingresses -A", "k8s_ingresses.json", "networking.k8s.io/v1", "Ingress", "Ingresses (load balancer subnets)",
            async (limit, token, ct) => Page(await client.NetworkingV1.ListIngressForAllNamespacesAsync(continueParameter: token, limit: limit, cancellationToken: ct).ConfigureAwait(false))),
        new("kubectl get poddisruptionbudgets -A", "k8s_poddisruptionbudgets.json", "policy/v1", "PodDisruptionBudget", "PodDisruptionBudgets (what blocks a node drain)",
            async (limit, token, ct) => Page(await client.PolicyV1.ListPodDisruptionBudgetForAllNamespacesAsync(continueParameter: token, limit: limit, cancellationToken: ct).ConfigureAwait(false))),
        // What the API server calls out to: admission webhooks and aggregated APIs, each through a Service to pods
        // (the node-networking rules check the control plane can still reach them).
        new("kubectl get mutatingwebhookconfigurations", "k8s_mutatingwebhookconfigurations.json", "admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration", "mutating admission webhooks",
            async (limit, token, ct) => Page(await client.AdmissionregistrationV1.ListMutatingWebhookConfigurationAsync(continueParameter: token, limit: limit, cancellationToken: ct).ConfigureAwait(false))),
        new("kubectl get validatingwebhookconfigurations", "k8s_validatingwebhookconfigurations.json", "admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", "validating admission webhooks",
            async (limit, token, ct) => Page(await client.AdmissionregistrationV1.ListValidatingWebhookConfigurationAsync(continueParameter: token, limit: limit, cancellationToken: ct).ConfigureAwait(false))),
        new("kubectl get apiservices", "k8s_apiservices.json", "apiregistration.k8s.io/v1", "APIService", "aggregated API services",
            async (limit, token, ct) => Page(await client.ApiregistrationV1.ListAPIServiceAsync(continueParameter: token, limit: limit, cancellationToken: ct).ConfigureAwait(false))),
        .. Karpenter(client),
        // Security groups for pods: absent (404) when the VPC resource controller's CRD is not installed.
        new KubeListCall("kubectl get securitygrouppolicies.vpcresources.k8s.aws -A", "k8s_securitygrouppolicies.json", "vpcresources.k8s.aws/v1beta1", "SecurityGroupPolicy",
            "SecurityGroupPolicies (security groups for pods)", (limit, token, ct) => CustomPage(client, "vpcresources.k8s.aws", "v1beta1", "securitygrouppolicies", limit, token, ct)) { AbsentIsEmpty = true },
    ];

    /// <summary>karpenter's NodePools and EC2NodeClasses, v1 and v1beta1 (a cluster mid-migration serves both; the reader keeps
    /// one object per name). A version the cluster does not serve (404: karpenter not installed, or not that version) is an empty list.</summary>
    private static IEnumerable<KubeListCall> Karpenter(IKubernetes client)
    {
        foreach (var version in (string[])["v1", "v1beta1"])
        {
            yield return new KubeListCall($"kubectl get nodepools.{version}.karpenter.sh", $"k8s_karpenter_nodepools_{version}.json", $"karpenter.sh/{version}", "NodePool",
                "karpenter NodePools", (limit, token, ct) => CustomPage(client, "karpenter.sh", version, "nodepools", limit, token, ct)) { AbsentIsEmpty = true };
            yield return new KubeListCall($"kubectl get ec2nodeclasses.{version}.karpenter.k8s.aws", $"k8s_karpenter_ec2nodeclasses_{version}.json", $"karpenter.k8s.aws/{version}", "EC2NodeClass",
                "karpenter EC2NodeClasses", (limit, token, ct) => CustomPage(client, "karpenter.k8s.aws", version, "ec2nodeclasses", limit, token, ct)) { AbsentIsEmpty = true };
        }
    }

    private static async Task<KubeListPage> CustomPage(IKubernetes client, string group, string version, string plural, int limit, string? token, CancellationToken ct)
    {
        var reply = await client.CustomObjects.ListClusterCustomObjectAsync(group, version, plural, continueParameter: token, limit: limit, cancellationToken: ct).ConfigureAwait(false);
        var list = reply switch
        {
            JsonElement e => JsonNode.Parse(e.GetRawText()),
            JsonNode n => n,
            _ => throw new JsonException("a custom object list that is not JSON"),
        };
        var items = (list?["items"] as JsonArray ?? throw new JsonException("a list page without items")).OfType<JsonNode>().ToList();
        var next = list?["metadata"]?["continue"] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
        return new KubeListPage(items, next);
    }

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
