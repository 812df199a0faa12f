using System.Collections.Frozen;
using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping;

/// <summary>The registry of supported resource types: what is supported is this one list.</summary>
public static class ResourceMappers
{
    public static readonly IReadOnlyList<IResourceMapper> All =
    [
        new InstanceProfileMapper(),
        new IamRoleMapper(),
        new Ec2InstanceMapper(),
        new LaunchTemplateMapper(),
        new RolePolicyAttachmentMapper(),
        new RolePolicyMapper(),
        new IamPolicyMapper(),
        new OidcProviderMapper(),
        new PodIdentityAssociationMapper(),
        new PolicyAttachmentMapper(),
        new RolePolicyAttachmentsExclusiveMapper(),
        new RolePoliciesExclusiveMapper(),
        new SecurityGroupMapper(),
        new SecurityGroupRuleMapper(),
        new VpcSecurityGroupRuleMapper(egress: false),
        new VpcSecurityGroupRuleMapper(egress: true),
        new AccessEntryMapper(),
        new AccessPolicyAssociationMapper(),
        new Kubernetes.ConfigMapMapper("kubernetes_config_map"),
        new Kubernetes.ConfigMapMapper("kubernetes_config_map_v1"),
        new Kubernetes.ConfigMapMapper("kubernetes_config_map_v1_data"),
        new Kubernetes.HelmReleaseMapper(),
        new SubnetMapper(),
        new Ec2TagMapper(),
        new EksAddonMapper(),
        new EksClusterMapper(),
        new EksNodeGroupMapper(),
        new AutoScalingGroupMapper(),
        new RouteMapper(),
        new NatGatewayMapper(),
    ];

    private static readonly FrozenDictionary<string, IResourceMapper> ByType =
        All.ToFrozenDictionary(m => m.ResourceType, StringComparer.Ordinal);

    public static IEnumerable<string> SupportedTypes => ByType.Keys;

    /// <summary>Which values a plan reader must keep: each supported type with the attributes its mapper reads and the ones
    /// that identify it; every other type, the attributes that identify it and what it changes (for the verdict).</summary>
    public static PlanParser.Model.ValueScope Scope { get; } = new(All.ToDictionary(m => m.ResourceType,
        m => (IReadOnlySet<string>?)m.Attributes.Concat(Judging.IdentityTokens.AttributesRead()).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal))
    {
        Others = Judging.IdentityTokens.AttributesRead(Catalog.ResourceTypeCatalog.Default.Types.SelectMany(t => t.Ties)),
    };

    /// <summary>Maps one change; data sources and unknown types are <see cref="UnsupportedChange"/>.</summary>
    public static MappedChange Map(ResourceChange change) =>
        change.Mode == "managed" && ByType.TryGetValue(change.Type, out var mapper)
            ? mapper.Map(change)
            : new UnsupportedChange(change) { Status = Model.MappingStatus.Unsupported };
}
