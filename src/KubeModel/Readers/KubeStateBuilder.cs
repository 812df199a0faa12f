using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.KubeModel.Readers;

/// <summary>Collects the objects of every input file and builds the <see cref="KubeState"/>: one record per object
/// (the first file wins), controller-owned objects folded into their controller when it was read too, static pods
/// placed, aws-auth and kubeadm-config parsed.</summary>
public sealed class KubeStateBuilder
{
    private readonly Dictionary<string, KubeNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServiceAccount> _serviceAccounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Workload> _workloads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConfigMap> _configMaps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<AdmissionWebhook>> _webhookConfigs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ApiService> _apiServices = new(StringComparer.Ordinal);
    private readonly Dictionary<(string File, string Kind), int> _notRead = [];
    private readonly Dictionary<string, KubeService> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Ingress> _ingresses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PodDisruptionBudget> _pdbs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KarpenterNodePool> _nodePools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KarpenterNodeClass> _nodeClasses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SecurityGroupPolicy> _sgPolicies = new(StringComparer.Ordinal);
    private readonly HashSet<KubeStateKind> _loaded = [];
    private readonly List<string> _missing = [];
    private int _ignored;

    /// <summary>Adds one object (a single object, a List item, or one YAML document). <paramref name="listKind"/> is the
    /// kind of the enclosing list, which names the item kind when the API server left it out (NodeList items).</summary>
    public void Add(JsonElement obj, SourceRef source, string? listKind = null)
    {
        var where = source.ToString();
        if (obj.ValueKind != JsonValueKind.Object)
            throw new InputException($"{where}: a {obj.ValueKind.ToString().ToLowerInvariant()}, not a Kubernetes object");
        var kind = obj.Str("kind") ?? (listKind is { Length: > 4 } && listKind.EndsWith("List", StringComparison.Ordinal) ? listKind[..^4] : null);
        if (kind is null)
            throw new InputException($"{where}: not a Kubernetes object (no \"kind\")");
        if (obj.Field("items") is { ValueKind: JsonValueKind.Array } items && (kind == "List" || kind.EndsWith("List", StringComparison.Ordinal)))
        {
            MarkListKindOf(kind);
            var i = 0;
            foreach (var item in items.EnumerateArray())
                Add(item, source with { Path = source.Path is null ? $"items[{i++}]" : $"{source.Path}.items[{i++}]" }, kind);
            return;
        }
        switch (kind)
        {
            case "Node":
                var node = NodeReader.Read(obj, ObjectMeta.Read(obj, kind, where), source);
                _nodes.TryAdd(node.Name, node);
                _loaded.Add(KubeStateKind.Nodes);
                break;
            case "ServiceAccount":
                var meta = ObjectMeta.Read(obj, kind, where);
                var sa = new ServiceAccount { Namespace = meta.Namespace, Name = meta.Name, Annotations = meta.Annotations, Source = source };
                _serviceAccounts.TryAdd(sa.Key, sa);
                _loaded.Add(KubeStateKind.ServiceAccounts);
                break;
            case "ConfigMap":
                var cmMeta = ObjectMeta.Read(obj, kind, where);
                if (ConfigMapReader.Read(obj, cmMeta, source, _missing) is { } cm) _configMaps.TryAdd($"{cm.Namespace}/{cm.Name}", cm);
                _loaded.Add(KubeStateKind.ConfigMaps);
                break;
            case "Service":
                var svc = ServiceReader.ReadService(obj, ObjectMeta.Read(obj, kind, where), source);
                _services.TryAdd(svc.Key, svc);
                _loaded.Add(KubeStateKind.Services);
                break;
            case "Ingress":
                var ing = ServiceReader.ReadIngress(obj, ObjectMeta.Read(obj, kind, where), source);
                _ingresses.TryAdd(ing.Key, ing);
                _loaded.Add(KubeStateKind.Ingresses);
                break;
            case "PodDisruptionBudget":
                var pdb = ServiceReader.ReadPdb(obj, ObjectMeta.Read(obj, kind, where), source);
                _pdbs.TryAdd(pdb.Key, pdb);
                _loaded.Add(KubeStateKind.PodDisruptionBudgets);
                break;
            case var np when KarpenterReader.IsNodePool(np, obj.Str("apiVersion")):
                var pool = KarpenterReader.ReadNodePool(obj, ObjectMeta.Read(obj, kind, where), source);
                _nodePools.TryAdd(pool.Name, pool);
                _loaded.Add(KubeStateKind.Karpenter);
                break;
            case var nc when KarpenterReader.IsNodeClass(nc, obj.Str("apiVersion")):
                var nodeClass = KarpenterReader.ReadNodeClass(obj, ObjectMeta.Read(obj, kind, where), source);
                _nodeClasses.TryAdd(nodeClass.Name, nodeClass);
                _loaded.Add(KubeStateKind.Karpenter);
                break;
            case "SecurityGroupPolicy" when obj.Str("apiVersion")?.StartsWith("vpcresources.k8s.aws/", StringComparison.Ordinal) == true:
                var sgp = ServiceReader.ReadSecurityGroupPolicy(obj, ObjectMeta.Read(obj, kind, where), source);
                _sgPolicies.TryAdd(sgp.Key, sgp);
                _loaded.Add(KubeStateKind.SecurityGroupPolicies);
                break;
            case var w when WorkloadReader.Kinds.Contains(w):
                var workload = WorkloadReader.Read(obj, ObjectMeta.Read(obj, kind, where), source);
                _workloads.TryAdd(workload.Key, workload);
                _loaded.Add(KubeStateKind.Workloads);
                break;
            case "MutatingWebhookConfiguration" or "ValidatingWebhookConfiguration":
                var whMeta = ObjectMeta.Read(obj, kind, where);
                _webhookConfigs.TryAdd($"{kind}/{whMeta.Name}", [.. AdmissionReader.ReadWebhooks(obj, whMeta, source)]);
                _loaded.Add(KubeStateKind.AdmissionWebhooks);
                break;
            case "APIService":
                var api = AdmissionReader.ReadApiService(obj, ObjectMeta.Read(obj, kind, where), source);
                _apiServices.TryAdd(api.Name, api);
                _loaded.Add(KubeStateKind.ApiServices);
                break;
            default:
                _ignored++;
                _notRead[(source.File, kind)] = _notRead.GetValueOrDefault((source.File, kind)) + 1;
                break;
        }
    }

    /// <summary>An empty <c>kubectl get nodes -o json</c> prints a List of no items: nothing in it says what was
    /// listed, so the file name is the only hint ("nodes.json", "kubectl-get-serviceaccounts.json").</summary>
    public void MarkLoadedFromFileName(string file)
    {
        var name = Path.GetFileName(file).ToLowerInvariant();
        var karpenter = name.Contains("nodepool", StringComparison.Ordinal) || name.Contains("nodeclass", StringComparison.Ordinal) || name.Contains("karpenter", StringComparison.Ordinal);
        if (name.Contains("node", StringComparison.Ordinal) && !karpenter) _loaded.Add(KubeStateKind.Nodes);
        if (name.Contains("serviceaccount", StringComparison.Ordinal)) _loaded.Add(KubeStateKind.ServiceAccounts);
        if (name.Contains("configmap", StringComparison.Ordinal)) _loaded.Add(KubeStateKind.ConfigMaps);
        if (name.Contains("webhookconfiguration", StringComparison.Ordinal)) _loaded.Add(KubeStateKind.AdmissionWebhooks);
        if (name.Contains("apiservice", StringComparison.Ordinal)) _loaded.Add(KubeStateKind.ApiServices);
        if (WorkloadFileWords.Any(w => name.Contains(w, StringComparison.Ordinal))) _loaded.Add(KubeStateKind.Workloads);
        if (name.Contains("service", StringComparison.Ordinal) && !name.Contains("serviceaccount", StringComparison.Ordinal) && !name.Contains("apiservice", StringComparison.Ordinal)) _loaded.Add(KubeStateKind.Services);
        if (name.Contains("ingress", StringComparison.Ordinal)) _loaded.Add(KubeStateKind.Ingresses);
        if (name.Contains("poddisruptionbudget", StringComparison.Ordinal) || name.Contains("pdb", StringComparison.Ordinal)) _loaded.Add(KubeStateKind.PodDisruptionBudgets);
        if (karpenter) _loaded.Add(KubeStateKind.Karpenter);
        if (name.Contains("securitygrouppolic", StringComparison.Ordinal)) _loaded.Add(KubeStateKind.SecurityGroupPolicies);
    }

    private static readonly string[] WorkloadFileWords = ["deployment", "daemonset", "statefulset", "replicaset", "pod", "job", "workload"];

    /// <summary>A typed list (NodeList, DeploymentList...) says what was listed even when it has no items.</summary>
    internal void MarkListKindOf(string listKind)
    {
        switch (listKind)
        {
            case "NodeList": _loaded.Add(KubeStateKind.Nodes); break;
            case "ServiceAccountList": _loaded.Add(KubeStateKind.ServiceAccounts); break;
            case "ConfigMapList": _loaded.Add(KubeStateKind.ConfigMaps); break;
            case "ServiceList": _loaded.Add(KubeStateKind.Services); break;
            case "MutatingWebhookConfigurationList" or "ValidatingWebhookConfigurationList": _loaded.Add(KubeStateKind.AdmissionWebhooks); break;
            case "APIServiceList": _loaded.Add(KubeStateKind.ApiServices); break;
            case "IngressList": _loaded.Add(KubeStateKind.Ingresses); break;
            case "PodDisruptionBudgetList": _loaded.Add(KubeStateKind.PodDisruptionBudgets); break;
            case "NodePoolList" or "EC2NodeClassList": _loaded.Add(KubeStateKind.Karpenter); break;
            case "SecurityGroupPolicyList": _loaded.Add(KubeStateKind.SecurityGroupPolicies); break;
            case var l when l.Length > 4 && WorkloadReader.Kinds.Contains(l[..^4]): _loaded.Add(KubeStateKind.Workloads); break;
        }
    }

    public KubeState Build()
    {
        var configMaps = _configMaps.Values.OrderBy(c => c.Namespace, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal).ToImmutableArray();
        var awsAuth = configMaps.FirstOrDefault(c => c is { Namespace: "kube-system", Name: "aws-auth" });
        var kubeadm = configMaps.FirstOrDefault(c => c is { Namespace: "kube-system", Name: "kubeadm-config" });
        var missing = new List<string>(_missing);
        var mappings = awsAuth is null ? [] : AwsAuthParser.ParseMapRoles(awsAuth, missing);
        var userMappings = awsAuth is null ? [] : AwsAuthParser.ParseMapUsers(awsAuth, missing);
        var kubeadmConfig = kubeadm is null ? null : KubeadmConfigParser.Parse(kubeadm, missing);
        return new KubeState
        {
            Nodes = [.. _nodes.Values.OrderBy(n => n.Name, StringComparer.Ordinal)],
            ServiceAccounts = [.. _serviceAccounts.Values.OrderBy(s => s.Key, StringComparer.Ordinal)],
            Workloads = [.. Workloads()],
            ConfigMaps = configMaps,
            Services = [.. _services.Values.OrderBy(s => s.Key, StringComparer.Ordinal)],
            Ingresses = [.. _ingresses.Values.OrderBy(s => s.Key, StringComparer.Ordinal)],
            PodDisruptionBudgets = [.. _pdbs.Values.OrderBy(s => s.Key, StringComparer.Ordinal)],
            NodePools = [.. _nodePools.Values.OrderBy(s => s.Name, StringComparer.Ordinal)],
            NodeClasses = [.. _nodeClasses.Values.OrderBy(s => s.Name, StringComparer.Ordinal)],
            SecurityGroupPolicies = [.. _sgPolicies.Values.OrderBy(s => s.Key, StringComparer.Ordinal)],
            AwsAuthRoleMappings = mappings,
            AwsAuthUserMappings = userMappings,
            AdmissionWebhooks = [.. _webhookConfigs.OrderBy(x => x.Key, StringComparer.Ordinal).SelectMany(x => x.Value)],
            ApiServices = [.. _apiServices.Values.OrderBy(x => x.Name, StringComparer.Ordinal)],
            NotRead = [.. _notRead.OrderBy(x => x.Key.File, StringComparer.Ordinal).ThenBy(x => x.Key.Kind, StringComparer.Ordinal)
                .Select(x => new KubeNotRead(x.Key.File, x.Key.Kind, x.Value))],
            KubeadmConfig = kubeadmConfig,
            Loaded = [.. _loaded],
            Missing = [.. missing],
            IgnoredObjects = _ignored,
        };
    }

    /// <summary>Objects whose controller was read are that controller's (a ReplicaSet's pods, a Deployment's
    /// ReplicaSets); the rest are kept, so a dump of pods alone still says what runs. Static pods learn whether
    /// their node is a control-plane node.</summary>
    private IEnumerable<Workload> Workloads()
    {
        foreach (var w in _workloads.Values.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            if (w.IsStaticPod)
            {
                var onControlPlane = w.OnControlPlane
                    || (w.NodeName is { } n && _nodes.TryGetValue(n, out var node) && node.IsControlPlane)
                    || (w.Labels.TryGetValue("tier", out var tier) && tier == "control-plane");
                yield return w with { OnControlPlane = onControlPlane };
            }
            else if (w.OwnedBy is null || !ControllerWasRead(w))
            {
                yield return w;
            }
        }
    }

    private bool ControllerWasRead(Workload w)
    {
        var slash = w.OwnedBy!.IndexOf('/', StringComparison.Ordinal);
        var (kind, name) = (w.OwnedBy[..slash], w.OwnedBy[(slash + 1)..]);
        if (_workloads.ContainsKey($"{kind}/{w.Namespace}/{name}")) return true;
        // A pod of a Deployment whose ReplicaSet was not dumped: the ReplicaSet is named <deployment>-<pod-template-hash>.
        return kind == "ReplicaSet" && w.Labels.TryGetValue("pod-template-hash", out var hash) &&
            name.EndsWith("-" + hash, StringComparison.Ordinal) &&
            _workloads.ContainsKey($"Deployment/{w.Namespace}/{name[..^(hash.Length + 1)]}");
    }
}
