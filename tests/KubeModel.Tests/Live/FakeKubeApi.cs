using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Kalc.Iac.Tests.Live.Fakes;

namespace Kalc.Iac.KubeModel.Tests.Live;

/// <summary>A fake Kubernetes API server's list endpoints: real wire shapes (a typed list such as NodeList with
/// metadata.continue, items without apiVersion/kind; errors as a Status object), paged by limit/continue.</summary>
internal sealed class FakeKubeApi
{
    public const string Token = "fake-bearer-token";

    public int Nodes { get; init; } = 5;

    /// <summary>A kubeconfig whose current context points at this fake served at <paramref name="server"/>.</summary>
    public static string Kubeconfig(Uri server) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: fake
          cluster:
            server: {server.AbsoluteUri.TrimEnd('/')}
        users:
        - name: ci
          user:
            token: {Token}
        contexts:
        - name: fake-context
          context:
            cluster: fake
            user: ci
        current-context: fake-context
        """;

    public Func<FakeRequest, FakeReply?>? Fault { get; init; }

    public FakeReply Handle(FakeRequest r)
    {
        if (Fault?.Invoke(r) is { } fault) return fault;
        var limit = int.TryParse(r.Query["limit"], CultureInfo.InvariantCulture, out var l) ? l : int.MaxValue;
        var from = int.TryParse(r.Query["continue"], CultureInfo.InvariantCulture, out var c) ? c : 0;
        return r.Path switch
        {
            "/api/v1/nodes" => List("NodeList", "v1", Nodes, from, limit, Node),
            "/api/v1/serviceaccounts" => List("ServiceAccountList", "v1", 1, from, limit, _ => ServiceAccount),
            "/apis/apps/v1/deployments" => List("DeploymentList", "apps/v1", 0, from, limit, _ => ""),
            "/apis/apps/v1/daemonsets" => List("DaemonSetList", "apps/v1", 1, from, limit, _ => DaemonSet),
            "/apis/apps/v1/statefulsets" => List("StatefulSetList", "apps/v1", 0, from, limit, _ => ""),
            "/api/v1/namespaces/kube-system/configmaps" => List("ConfigMapList", "v1", 1, from, limit, _ => ConfigMap),
            "/api/v1/services" => List("ServiceList", "v1", 1, from, limit, _ => LoadBalancerService),
            "/apis/networking.k8s.io/v1/ingresses" => List("IngressList", "networking.k8s.io/v1", 1, from, limit, _ => Ingress),
            "/apis/policy/v1/poddisruptionbudgets" => List("PodDisruptionBudgetList", "policy/v1", 1, from, limit, _ => Pdb),
            // karpenter v1 only: the v1beta1 paths answer 404 as an API server without those versions does.
            "/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations" => List("MutatingWebhookConfigurationList", "admissionregistration.k8s.io/v1", 1, from, limit, _ => MutatingWebhooks),
            "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations" => List("ValidatingWebhookConfigurationList", "admissionregistration.k8s.io/v1", 1, from, limit, _ => ValidatingWebhooks),
            "/apis/apiregistration.k8s.io/v1/apiservices" => List("APIServiceList", "apiregistration.k8s.io/v1", 2, from, limit, i => i == 0 ? MetricsApiService : LocalApiService),
            "/apis/karpenter.sh/v1/nodepools" => List("NodePoolList", "karpenter.sh/v1", 1, from, limit, _ => NodePool),
            "/apis/karpenter.k8s.aws/v1/ec2nodeclasses" => List("EC2NodeClassList", "karpenter.k8s.aws/v1", 1, from, limit, _ => NodeClass),
            "/apis/vpcresources.k8s.aws/v1beta1/securitygrouppolicies" => List("SecurityGroupPolicyList", "vpcresources.k8s.aws/v1beta1", 1, from, limit, _ => SecurityGroupPolicy),
            _ => Status(404, "NotFound", "the server could not find the requested resource"),
        };
    }

    public static FakeReply Status(int code, string reason, string message) => FakeReply.Json(new JsonObject
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    }.ToJsonString(), code);

    private static FakeReply List(string kind, string apiVersion, int total, int from, int limit, Func<int, string> item)
    {
        var to = (int)Math.Min(total, (long)from + limit);
        var sb = new StringBuilder();
        sb.Append("{\"kind\":\"").Append(kind).Append("\",\"apiVersion\":\"").Append(apiVersion).Append("\",\"metadata\":{\"resourceVersion\":\"5237\"");
        if (to < total) sb.Append(",\"continue\":\"").Append(to.ToString(CultureInfo.InvariantCulture)).Append('"');
        sb.Append("},\"items\":[");
        for (var i = from; i < to; i++)
        {
            if (i > from) sb.Append(',');
            sb.Append(item(i));
        }
        sb.Append("]}");
        return FakeReply.Json(sb.ToString());
    }

    public static string NodeName(int i) => $"ip-10-0-{i / 250}-{i % 250}.ec2.internal";

    public static string Node(int i) =>
        "{\"metadata\":{\"name\":\"" + NodeName(i) + "\",\"uid\":\"6a1b2c3d-0000-4000-8000-" + i.ToString("d12", CultureInfo.InvariantCulture) + "\",\"resourceVersion\":\"5011\"," +
        "\"creationTimestamp\":\"2024-01-01T10:49:00Z\",\"labels\":{\"kubernetes.io/hostname\":\"" + NodeName(i) + "\",\"node.kubernetes.io/instance-type\":\"m5.large\",\"topology.kubernetes.io/zone\":\"us-east-1a\"}}," +
        "\"spec\":{\"podCIDR\":\"10.244." + (i % 250).ToString(CultureInfo.InvariantCulture) + ".0/24\",\"podCIDRs\":[\"10.244." + (i % 250).ToString(CultureInfo.InvariantCulture) + ".0/24\"],\"providerID\":\"aws:///us-east-1a/i-" + (0x0a000000 + i).ToString("x8", CultureInfo.InvariantCulture) + "0000aaaa\"}," +
        "\"status\":{\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"10.0." + (i / 250).ToString(CultureInfo.InvariantCulture) + "." + (i % 250).ToString(CultureInfo.InvariantCulture) + "\"},{\"type\":\"Hostname\",\"address\":\"" + NodeName(i) + "\"}]," +
        "\"nodeInfo\":{\"kubeletVersion\":\"v1.29.0-eks-5e0fdde\",\"machineID\":\"ec2\",\"systemUUID\":\"ec2\",\"bootID\":\"b\",\"kernelVersion\":\"5.10\",\"osImage\":\"Amazon Linux 2\",\"containerRuntimeVersion\":\"containerd://1.7.11\",\"kubeProxyVersion\":\"v1.29.0\",\"operatingSystem\":\"linux\",\"architecture\":\"amd64\"}}}";

    /// <summary>The IRSA annotation as in fixtures k8s/serviceaccounts (eks-user-guide aws-load-balancer-controller).</summary>
    private const string ServiceAccount =
        "{\"metadata\":{\"name\":\"aws-load-balancer-controller\",\"namespace\":\"kube-system\",\"uid\":\"0b1c\",\"resourceVersion\":\"77\",\"creationTimestamp\":\"2024-01-01T10:49:00Z\"," +
        "\"labels\":{\"app.kubernetes.io/component\":\"controller\",\"app.kubernetes.io/name\":\"aws-load-balancer-controller\"}," +
        "\"annotations\":{\"eks.amazonaws.com/role-arn\":\"arn:aws:iam::111122223333:role/AmazonEKSLoadBalancerControllerRole\"}}}";

    private const string DaemonSet =
        "{\"metadata\":{\"name\":\"aws-node\",\"namespace\":\"kube-system\",\"uid\":\"1c2d\",\"resourceVersion\":\"88\",\"generation\":1,\"creationTimestamp\":\"2024-01-01T10:49:00Z\"}," +
        "\"spec\":{\"selector\":{\"matchLabels\":{\"k8s-app\":\"aws-node\"}},\"template\":{\"metadata\":{\"labels\":{\"k8s-app\":\"aws-node\"}},\"spec\":{\"serviceAccountName\":\"aws-node\"," +
        "\"containers\":[{\"name\":\"aws-node\",\"image\":\"602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.16.0\"}]}}," +
        "\"updateStrategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"maxUnavailable\":\"10%\",\"maxSurge\":0}}}," +
        "\"status\":{\"currentNumberScheduled\":3,\"numberMisscheduled\":0,\"desiredNumberScheduled\":3,\"numberReady\":3}}";

    private const string LoadBalancerService =
        "{\"metadata\":{\"name\":\"web\",\"namespace\":\"shop\",\"uid\":\"3e4f\",\"resourceVersion\":\"100\",\"annotations\":{\"service.beta.kubernetes.io/aws-load-balancer-scheme\":\"internet-facing\"}}," +
        "\"spec\":{\"type\":\"LoadBalancer\",\"selector\":{\"app\":\"web\"},\"ports\":[{\"port\":80,\"targetPort\":8080,\"protocol\":\"TCP\"}]}," +
        "\"status\":{\"loadBalancer\":{\"ingress\":[{\"hostname\":\"a1b2c3-123456789.us-east-1.elb.amazonaws.com\"}]}}}";

    private const string Ingress =
        "{\"metadata\":{\"name\":\"shop\",\"namespace\":\"shop\",\"uid\":\"4f5a\",\"resourceVersion\":\"101\",\"annotations\":{\"alb.ingress.kubernetes.io/scheme\":\"internet-facing\"}}," +
        "\"spec\":{\"ingressClassName\":\"alb\",\"rules\":[{\"http\":{\"paths\":[{\"path\":\"/\",\"pathType\":\"Prefix\",\"backend\":{\"service\":{\"name\":\"web\",\"port\":{\"number\":80}}}}]}}]}}";

    private const string Pdb =
        "{\"metadata\":{\"name\":\"web\",\"namespace\":\"shop\",\"uid\":\"5a6b\",\"resourceVersion\":\"102\"},\"spec\":{\"minAvailable\":1,\"selector\":{\"matchLabels\":{\"app\":\"web\"}}}," +
        "\"status\":{\"currentHealthy\":1,\"desiredHealthy\":1,\"disruptionsAllowed\":0,\"expectedPods\":1,\"observedGeneration\":1}}";

    /// <summary>The v1 NodePool and EC2NodeClass of aws/karpenter-provider-aws examples/v1/general-purpose.yaml (fixtures/k8s/real/karpenter).</summary>
    private const string NodePool =
        "{\"metadata\":{\"name\":\"general-purpose\",\"uid\":\"6b7c\",\"resourceVersion\":\"103\"},\"spec\":{\"template\":{\"spec\":{\"requirements\":[{\"key\":\"kubernetes.io/arch\",\"operator\":\"In\",\"values\":[\"amd64\"]}]," +
        "\"nodeClassRef\":{\"group\":\"karpenter.k8s.aws\",\"kind\":\"EC2NodeClass\",\"name\":\"default\"}}}}}";

    private const string NodeClass =
        "{\"metadata\":{\"name\":\"default\",\"uid\":\"7c8d\",\"resourceVersion\":\"104\"},\"spec\":{\"role\":\"KarpenterNodeRole-prod\"," +
        "\"subnetSelectorTerms\":[{\"tags\":{\"karpenter.sh/discovery\":\"prod\"}}],\"securityGroupSelectorTerms\":[{\"tags\":{\"karpenter.sh/discovery\":\"prod\"}}],\"amiSelectorTerms\":[{\"alias\":\"al2023@latest\"}]}," +
        "\"status\":{\"instanceProfile\":\"prod_1234567890\",\"subnets\":[{\"id\":\"subnet-0a\",\"zone\":\"us-east-1a\"}]}}";

    /// <summary>The SecurityGroupPolicy of the EKS user guide's example (sg-pods-example-deployment.html).</summary>
    private const string SecurityGroupPolicy =
        "{\"metadata\":{\"name\":\"my-security-group-policy\",\"namespace\":\"my-namespace\",\"uid\":\"8d9e\",\"resourceVersion\":\"105\"}," +
        "\"spec\":{\"podSelector\":{\"matchLabels\":{\"role\":\"my-role\"}},\"securityGroups\":{\"groupIds\":[\"sg-0f1e2d3c4b5a69788\"]}}}";
    /// <summary>The aws-load-balancer-controller chart's pod mutator (fixtures/k8s/built/admission-and-aggregation.yaml):
    /// failurePolicy Fail, service port 443 (the reader's default when absent), pods CREATE.</summary>
    private const string MutatingWebhooks =
        "{\"metadata\":{\"name\":\"aws-load-balancer-webhook\",\"uid\":\"8d9e\",\"resourceVersion\":\"105\"},\"webhooks\":[{\"name\":\"mpod.elbv2.k8s.aws\"," +
        "\"clientConfig\":{\"service\":{\"name\":\"aws-load-balancer-webhook-service\",\"namespace\":\"kube-system\",\"path\":\"/mutate-v1-pod\",\"port\":443}}," +
        "\"failurePolicy\":\"Fail\",\"rules\":[{\"apiGroups\":[\"\"],\"apiVersions\":[\"v1\"],\"operations\":[\"CREATE\"],\"resources\":[\"pods\"],\"scope\":\"*\"}]," +
        "\"sideEffects\":\"None\",\"admissionReviewVersions\":[\"v1beta1\"],\"timeoutSeconds\":10,\"namespaceSelector\":{\"matchExpressions\":[{\"key\":\"elbv2.k8s.aws/pod-readiness-gate-inject\",\"operator\":\"In\",\"values\":[\"enabled\"]}]}}]}";

    private const string ValidatingWebhooks =
        "{\"metadata\":{\"name\":\"aws-load-balancer-webhook\",\"uid\":\"9eaf\",\"resourceVersion\":\"106\"},\"webhooks\":[{\"name\":\"vingress.elbv2.k8s.aws\"," +
        "\"clientConfig\":{\"service\":{\"name\":\"aws-load-balancer-webhook-service\",\"namespace\":\"kube-system\",\"path\":\"/validate-networking-v1-ingress\"}}," +
        "\"failurePolicy\":\"Ignore\",\"rules\":[{\"apiGroups\":[\"networking.k8s.io\"],\"apiVersions\":[\"v1\"],\"operations\":[\"CREATE\",\"UPDATE\"],\"resources\":[\"ingresses\"]}]," +
        "\"sideEffects\":\"None\",\"admissionReviewVersions\":[\"v1beta1\"]}]}";

    /// <summary>metrics-server's APIService (components.yaml) and a local one, served by the API server itself.</summary>
    private const string MetricsApiService =
        "{\"metadata\":{\"name\":\"v1beta1.metrics.k8s.io\",\"uid\":\"afb0\",\"resourceVersion\":\"107\",\"labels\":{\"k8s-app\":\"metrics-server\"}}," +
        "\"spec\":{\"group\":\"metrics.k8s.io\",\"version\":\"v1beta1\",\"groupPriorityMinimum\":100,\"versionPriority\":100,\"insecureSkipTLSVerify\":true," +
        "\"service\":{\"name\":\"metrics-server\",\"namespace\":\"kube-system\",\"port\":443}},\"status\":{\"conditions\":[{\"type\":\"Available\",\"status\":\"True\",\"lastTransitionTime\":\"2024-01-01T10:49:00Z\",\"reason\":\"Passed\",\"message\":\"all checks passed\"}]}}";

    private const string LocalApiService =
        "{\"metadata\":{\"name\":\"v1.apps\",\"uid\":\"b0c1\",\"resourceVersion\":\"20\"},\"spec\":{\"group\":\"apps\",\"version\":\"v1\",\"groupPriorityMinimum\":17800,\"versionPriority\":15}}";

    private const string ConfigMap =
        "{\"metadata\":{\"name\":\"aws-auth\",\"namespace\":\"kube-system\",\"uid\":\"2d3e\",\"resourceVersion\":\"99\",\"creationTimestamp\":\"2024-01-01T10:49:00Z\"}," +
        "\"data\":{\"mapRoles\":\"- rolearn: arn:aws:iam::111122223333:role/eks-nodes\\n  username: system:node:{{EC2PrivateDNSName}}\\n  groups:\\n    - system:bootstrappers\\n    - system:nodes\\n\"}}";
}
