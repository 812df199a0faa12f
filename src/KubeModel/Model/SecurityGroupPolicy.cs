using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.KubeModel.Model;

/// <summary>A SecurityGroupPolicy (vpcresources.k8s.aws/v1beta1, security groups for pods): the pods of its namespace that
/// its podSelector (and serviceAccountSelector, when given) match get a branch ENI carrying <see cref="GroupIds"/> instead of
/// the node's groups. https://docs.aws.amazon.com/eks/latest/userguide/sg-pods-example-deployment.html,
/// https://github.com/aws/amazon-vpc-resource-controller-k8s/blob/master/apis/vpcresources/v1beta1/securitygrouppolicy_types.go</summary>
public sealed record SecurityGroupPolicy
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>spec.podSelector; null when absent.</summary>
    public LabelSelector? PodSelector { get; init; }

    /// <summary>spec.serviceAccountSelector; null when absent (service account labels are not read: a policy that selects by
    /// service account only is not applied to any workload).</summary>
    public LabelSelector? ServiceAccountSelector { get; init; }

    /// <summary>spec.securityGroups.groupIds.</summary>
    public ImmutableArray<string> GroupIds { get; init; } = [];

    public required SourceRef Source { get; init; }

    public string Key => $"{Namespace}/{Name}";

    /// <summary>True when the policy gives the pods of <paramref name="workload"/> its groups (by their template's labels).</summary>
    public bool Selects(Workload workload) =>
        workload.Namespace == Namespace && ServiceAccountSelector is null && PodSelector is { } s && s.Matches(workload.PodLabels);
}
