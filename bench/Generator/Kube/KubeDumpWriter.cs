using System.Text.Json;

namespace Kalc.Iac.Bench.Generator.Kube;

/// <summary>`kubectl get nodes|serviceaccounts|daemonsets|deployments -A -o json` Lists. Node i's providerID
/// names EC2 instance i; the system workloads run as the service accounts the IAM dump's IRSA roles trust.</summary>
internal static class KubeDumpWriter
{
    /// <summary>(namespace, name, IRSA role or null): the cluster's AWS-calling components, then application accounts.</summary>
    private static readonly (string Namespace, string Name, string? Role)[] SystemAccounts =
    [
        ("kube-system", "aws-node", null),
        ("kube-system", "kube-proxy", null),
        ("kube-system", "coredns", null),
        ("kube-system", "aws-load-balancer-controller", Scenario.AlbRole),
        ("kube-system", "ebs-csi-controller-sa", "ebs-csi-driver"),
        ("kube-system", "ebs-csi-node-sa", null),
        ("kube-system", "cluster-autoscaler", "cluster-autoscaler"),
        ("kube-system", "external-dns", "external-dns"),
    ];

    public const int ApplicationAccounts = 500;

    public static void WriteNodes(Utf8JsonWriter w, Scenario s) => List(w, () =>
    {
        for (var i = 0; i < s.Options.Nodes; i++)
        {
            var name = Scenario.NodeName(i);
            var gpu = Scenario.IsGpuNode(i);
            w.WriteStartObject();
            w.WriteString("apiVersion", "v1");
            w.WriteString("kind", "Node");
            w.WriteStartObject("metadata");
            w.WriteStartObject("annotations");
            w.WriteString("alpha.kubernetes.io/provided-node-ip", Scenario.PrivateIp(i));
            w.WriteString("node.alpha.kubernetes.io/ttl", "0");
            w.WriteString("volumes.kubernetes.io/controller-managed-attach-detach", "true");
            w.WriteEndObject();
            w.WriteString("creationTimestamp", "2026-11-0" + (1 + i % 9) + "T08:01:30Z");
            w.WriteStartObject("labels");
            w.WriteString("beta.kubernetes.io/arch", "amd64");
            w.WriteString("beta.kubernetes.io/os", "linux");
            w.WriteString("eks.amazonaws.com/nodegroup", gpu ? "gpu" : "general");
            w.WriteString("kubernetes.io/arch", "amd64");
            w.WriteString("kubernetes.io/hostname", name);
            w.WriteString("kubernetes.io/os", "linux");
            w.WriteString("node.kubernetes.io/instance-type", gpu ? "g5.2xlarge" : "m6i.2xlarge");
            w.WriteString("topology.kubernetes.io/region", Scenario.Region);
            w.WriteString("topology.kubernetes.io/zone", Scenario.Zone(i));
            w.WriteEndObject();
            w.WriteString("name", name);
            w.WriteString("resourceVersion", (100000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("uid", Uid(s, i, 120));
            w.WriteEndObject();
            w.WriteStartObject("spec");
            w.WriteString("providerID", $"aws:///{Scenario.Zone(i)}/{s.InstanceId(i)}");
            w.WriteEndObject();
            w.WriteStartObject("status");
            w.WriteStartArray("addresses");
            Address(w, "InternalIP", Scenario.PrivateIp(i));
            Address(w, "InternalDNS", name);
            Address(w, "Hostname", name);
            w.WriteEndArray();
            Resources(w, "allocatable", "7910m", "31482816Ki");
            Resources(w, "capacity", "8", "32408512Ki");
            w.WriteStartArray("conditions");
            w.WriteStartObject();
            w.WriteString("lastHeartbeatTime", "2026-11-25T11:59:00Z");
            w.WriteString("lastTransitionTime", "2026-11-01T08:02:00Z");
            w.WriteString("message", "kubelet is posting ready status");
            w.WriteString("reason", "KubeletReady");
            w.WriteString("status", "True");
            w.WriteString("type", "Ready");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartObject("nodeInfo");
            w.WriteString("architecture", "amd64");
            w.WriteString("containerRuntimeVersion", "containerd://1.7.22");
            w.WriteString("kernelVersion", "6.1.112-122.189.amzn2023.x86_64");
            w.WriteString("kubeProxyVersion", "v1.31.2-eks-94953ac");
            w.WriteString("kubeletVersion", "v1.31.2-eks-94953ac");
            w.WriteString("operatingSystem", "linux");
            w.WriteString("osImage", "Amazon Linux 2023.6.20241111");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
    });

    public static void WriteServiceAccounts(Utf8JsonWriter w, Scenario s) => List(w, () =>
    {
        for (var k = 0; k < SystemAccounts.Length; k++)
            ServiceAccount(w, s, -1 - k, SystemAccounts[k].Namespace, SystemAccounts[k].Name, SystemAccounts[k].Role);
        for (var k = 0; k < ApplicationAccounts; k++)
        {
            // Application accounts use the plan's IRSA roles (team-N:app-i trust), when that role is an IRSA one.
            var i = k * 37 % Math.Max(1, s.Options.Resources);
            var irsa = i < s.Kinds.Length && s.Kinds[i] == ResourceKind.IamRole && s.Det.Below(i, 40, 3) == 0;
            ServiceAccount(w, s, k, $"team-{i % 40}", $"app-{i}", irsa ? Scenario.PlanRoleName(i) : null);
        }
    });

    public static void WriteDaemonSets(Utf8JsonWriter w, Scenario s) => List(w, () =>
    {
        Workload(w, s, "DaemonSet", "kube-system", "aws-node", "aws-node", "602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.18.5");
        Workload(w, s, "DaemonSet", "kube-system", "kube-proxy", "kube-proxy", "602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/kube-proxy:v1.31.2-eksbuild.3");
        Workload(w, s, "DaemonSet", "kube-system", "ebs-csi-node", "ebs-csi-node-sa", "602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/aws-ebs-csi-driver:v1.36.0");
    });

    public static void WriteDeployments(Utf8JsonWriter w, Scenario s) => List(w, () =>
    {
        Workload(w, s, "Deployment", "kube-system", "coredns", "coredns", "602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/coredns:v1.11.3-eksbuild.1");
        Workload(w, s, "Deployment", "kube-system", "aws-load-balancer-controller", "aws-load-balancer-controller", "public.ecr.aws/eks/aws-load-balancer-controller:v2.9.2");
        Workload(w, s, "Deployment", "kube-system", "ebs-csi-controller", "ebs-csi-controller-sa", "602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/aws-ebs-csi-driver:v1.36.0");
        Workload(w, s, "Deployment", "kube-system", "cluster-autoscaler", "cluster-autoscaler", "registry.k8s.io/autoscaling/cluster-autoscaler:v1.31.0");
        Workload(w, s, "Deployment", "kube-system", "external-dns", "external-dns", "registry.k8s.io/external-dns/external-dns:v0.15.0");
    });

    private static void List(Utf8JsonWriter w, Action items)
    {
        w.WriteStartObject();
        w.WriteString("apiVersion", "v1");
        w.WriteStartArray("items");
        items();
        w.WriteEndArray();
        w.WriteString("kind", "List");
        w.WriteStartObject("metadata");
        w.WriteString("resourceVersion", "");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void ServiceAccount(Utf8JsonWriter w, Scenario s, int index, string ns, string name, string? role)
    {
        w.WriteStartObject();
        w.WriteString("apiVersion", "v1");
        w.WriteString("kind", "ServiceAccount");
        w.WriteStartObject("metadata");
        if (role is not null)
        {
            w.WriteStartObject("annotations");
            w.WriteString("eks.amazonaws.com/role-arn", Scenario.RoleArn(role));
            w.WriteEndObject();
        }
        w.WriteString("name", name);
        w.WriteString("namespace", ns);
        w.WriteString("uid", Uid(s, index, 121));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Workload(Utf8JsonWriter w, Scenario s, string kind, string ns, string name, string serviceAccount, string image)
    {
        w.WriteStartObject();
        w.WriteString("apiVersion", "apps/v1");
        w.WriteString("kind", kind);
        w.WriteStartObject("metadata");
        w.WriteString("name", name);
        w.WriteString("namespace", ns);
        w.WriteString("uid", Uid(s, name.Length * 1000 + kind.Length, 122));
        w.WriteEndObject();
        w.WriteStartObject("spec");
        if (kind == "Deployment") w.WriteNumber("replicas", 2);
        w.WriteStartObject("selector");
        w.WriteStartObject("matchLabels");
        w.WriteString("app.kubernetes.io/name", name);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("template");
        w.WriteStartObject("metadata");
        w.WriteStartObject("labels");
        w.WriteString("app.kubernetes.io/name", name);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("spec");
        w.WriteStartArray("containers");
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("image", image);
        w.WriteEndObject();
        w.WriteEndArray();
        if (kind == "DaemonSet") w.WriteBoolean("hostNetwork", true);
        w.WriteString("serviceAccountName", serviceAccount);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Resources(Utf8JsonWriter w, string name, string cpu, string memory)
    {
        w.WriteStartObject(name);
        w.WriteString("cpu", cpu);
        w.WriteString("memory", memory);
        w.WriteString("pods", "58");
        w.WriteEndObject();
    }

    private static void Address(Utf8JsonWriter w, string type, string address)
    {
        w.WriteStartObject();
        w.WriteString("address", address);
        w.WriteString("type", type);
        w.WriteEndObject();
    }

    private static string Uid(Scenario s, long index, int salt)
    {
        var hex = s.Det.Hex(index, salt, 32);
        return $"{hex[..8]}-{hex[8..12]}-4{hex[13..16]}-a{hex[17..20]}-{hex[20..32]}";
    }
}
