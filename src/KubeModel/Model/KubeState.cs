using System.Collections.Immutable;

namespace Kalc.Iac.KubeModel.Model;

/// <summary>What runs in the cluster at one moment. Immutable. <see cref="Loaded"/> says which kinds were
/// read, <see cref="Missing"/> what is known to be incomplete.</summary>
public sealed record KubeState
{
    public static readonly KubeState Empty = new();

    public ImmutableArray<KubeNode> Nodes { get; init; } = [];

    public ImmutableArray<ServiceAccount> ServiceAccounts { get; init; } = [];

    public ImmutableArray<Workload> Workloads { get; init; } = [];

    public ImmutableArray<ConfigMap> ConfigMaps { get; init; } = [];

    /// <summary>Every webhook of every Mutating/ValidatingWebhookConfiguration.</summary>
    public ImmutableArray<AdmissionWebhook> AdmissionWebhooks { get; init; } = [];

    public ImmutableArray<ApiService> ApiServices { get; init; } = [];

    /// <summary>Objects of kinds not read, per file and kind.</summary>
    public ImmutableArray<KubeNotRead> NotRead { get; init; } = [];

    public ImmutableArray<KubeService> Services { get; init; } = [];

    public ImmutableArray<Ingress> Ingresses { get; init; } = [];

    public ImmutableArray<PodDisruptionBudget> PodDisruptionBudgets { get; init; } = [];

    public ImmutableArray<KarpenterNodePool> NodePools { get; init; } = [];

    public ImmutableArray<KarpenterNodeClass> NodeClasses { get; init; } = [];

    /// <summary>SecurityGroupPolicies (security groups for pods).</summary>
    public ImmutableArray<SecurityGroupPolicy> SecurityGroupPolicies { get; init; } = [];

    public ImmutableHashSet<KubeStateKind> Loaded { get; init; } = [];

    public ImmutableArray<string> Missing { get; init; } = [];

    /// <summary>kube-system/aws-auth mapRoles, parsed (empty when there is no aws-auth or it maps no roles).</summary>
    public ImmutableArray<AwsAuthMapping> AwsAuthRoleMappings { get; init; } = [];

    /// <summary>kube-system/aws-auth mapUsers, parsed (<see cref="AwsAuthMapping.RoleArn"/> holds the user ARN).</summary>
    public ImmutableArray<AwsAuthMapping> AwsAuthUserMappings { get; init; } = [];

    /// <summary>kube-system/kubeadm-config's ClusterConfiguration, parsed; null when absent or unreadable (then named in <see cref="Missing"/>).</summary>
    public KubeadmClusterConfig? KubeadmConfig { get; init; }

    /// <summary>Objects of kinds we do not model, counted so the report can say they were seen.</summary>
    public int IgnoredObjects { get; init; }
}

public enum KubeStateKind
{
    Nodes,
    ServiceAccounts,
    Workloads,
    ConfigMaps,
    Services,
    AdmissionWebhooks,
    ApiServices,
    Ingresses,
    PodDisruptionBudgets,

    /// <summary>karpenter NodePools and EC2NodeClasses (read together: one without the other says little).</summary>
    Karpenter,

    /// <summary>SecurityGroupPolicies of the VPC resource controller (security groups for pods).</summary>
    SecurityGroupPolicies,
}
