using System.Collections.Immutable;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Model;

/// <summary>A kind of state a rule reads, with the command that produces it. Rules declare what they read
/// (<see cref="RuleDescriptor.Reads"/>); when a rule has a change to judge and one of these was not given, the verdict is
/// <c>incomplete</c> and the report names the command.</summary>
public sealed record StateNeed
{
    private StateNeed(string name, string command, AwsStateKind? aws, KubeStateKind? kube, ImmutableArray<StateNeed> alternatives = default)
    {
        Name = name;
        Command = command;
        Aws = aws;
        Kube = kube;
        Alternatives = alternatives.IsDefault ? [] : alternatives;
        nameHash = StringComparer.Ordinal.GetHashCode(name);
    }

    /// <summary>Equal needs have equal names: hashing the name once keeps the lists of missing state cheap to build for the
    /// tens of thousands of changes of a large plan.</summary>
    private readonly int nameHash;

    public override int GetHashCode() => nameHash;

    /// <summary>For <see cref="Either"/>: the kinds of state any one of which is enough.</summary>
    public ImmutableArray<StateNeed> Alternatives { get; }

    /// <summary>State of which any one kind is enough (e.g. kubeadm-config or the nodes' podCIDRs).</summary>
    public static StateNeed Either(params StateNeed[] any) =>
        new(string.Join(" or ", any.Select(a => a.Name)), string.Join("; or ", any.Select(a => a.Command)), null, null, [.. any]);

    /// <summary>What it is, for people: "EC2 instances".</summary>
    public string Name { get; }

    /// <summary>The aws-cli or kubectl command whose output gives it (what `kalc-iac snapshot` runs).</summary>
    public string Command { get; }

    public AwsStateKind? Aws { get; }

    public KubeStateKind? Kube { get; }

    public static readonly StateNeed Iam = new("AWS IAM state", "aws iam get-account-authorization-details", AwsStateKind.Iam, null);
    public static readonly StateNeed Instances = new("EC2 instances", "aws ec2 describe-instances", AwsStateKind.Instances, null);
    public static readonly StateNeed LaunchTemplateVersions = new("launch template versions", "aws ec2 describe-launch-template-versions --versions '$Default' '$Latest'", AwsStateKind.LaunchTemplateVersions, null);
    public static readonly StateNeed AutoScalingGroups = new("Auto Scaling groups", "aws autoscaling describe-auto-scaling-groups", AwsStateKind.AutoScalingGroups, null);
    public static readonly StateNeed OidcProviders = new("IAM OIDC providers", "aws iam list-open-id-connect-providers", AwsStateKind.OidcProviders, null);
    public static readonly StateNeed EksClusters = new("EKS clusters", "aws eks describe-cluster --name CLUSTER", AwsStateKind.EksClusters, null);
    /// <summary>Needed on EKS only: a cluster that shows no sign of EKS can have no Pod Identity association.</summary>
    public static readonly StateNeed PodIdentityAssociations = new("EKS Pod Identity associations", "aws eks list-pod-identity-associations --cluster-name CLUSTER", AwsStateKind.PodIdentityAssociations, null)
    {
        AppliesTo = Cluster.EksSigns.Present,
    };
    public static readonly StateNeed SecurityGroups = new("security groups", "aws ec2 describe-security-groups", AwsStateKind.SecurityGroups, null);
    public static readonly StateNeed Subnets = new("subnets", "aws ec2 describe-subnets", AwsStateKind.Subnets, null);
    public static readonly StateNeed Nodes = new("Kubernetes nodes", "kubectl get nodes -o json", null, KubeStateKind.Nodes);
    public static readonly StateNeed ServiceAccounts = new("Kubernetes service accounts", "kubectl get serviceaccounts -A -o json", null, KubeStateKind.ServiceAccounts);
    public static readonly StateNeed Workloads = new("Kubernetes workloads", "kubectl get deployments,daemonsets,statefulsets,pods -A -o json", null, KubeStateKind.Workloads);
    public static readonly StateNeed RouteTables = new("route tables", "aws ec2 describe-route-tables", AwsStateKind.RouteTables, null);
    public static readonly StateNeed NetworkInterfaces = new("network interfaces", "aws ec2 describe-network-interfaces", AwsStateKind.NetworkInterfaces, null);
    public static readonly StateNeed Vpcs = new("VPCs", "aws ec2 describe-vpcs", AwsStateKind.Vpcs, null);
    public static readonly StateNeed InstanceProfiles = new("instance profiles", "aws iam list-instance-profiles", AwsStateKind.InstanceProfiles, null);
    public static readonly StateNeed AccessEntries = new("EKS access entries", "aws eks list-access-entries --cluster-name CLUSTER (and describe-access-entry for each)", AwsStateKind.AccessEntries, null);
    public static readonly StateNeed AccessPolicyAssociations = new("EKS access policy associations", "aws eks list-associated-access-policies --cluster-name CLUSTER --principal-arn ARN", AwsStateKind.AccessPolicyAssociations, null);
    public static readonly StateNeed FargateProfiles = new("EKS Fargate profiles", "aws eks describe-fargate-profile --cluster-name CLUSTER --fargate-profile-name NAME", AwsStateKind.FargateProfiles, null);
    public static readonly StateNeed ConfigMaps = new("Kubernetes ConfigMaps of kube-system", "kubectl get configmaps -n kube-system -o json", null, KubeStateKind.ConfigMaps);

    /// <summary>When set, the state is needed only for worlds this says yes to (else it counts as given).</summary>
    public Func<World, bool>? AppliesTo { get; private init; }

    /// <summary>True when the world was given this kind of state (or does not need it).</summary>
    public bool IsLoaded(World world) =>
        AppliesTo is { } applies && !applies(world) ? true
        : !Alternatives.IsEmpty ? Alternatives.Any(a => a.IsLoaded(world))
        : Aws is { } a ? world.Aws.Loaded.Contains(a) : world.Kube.Loaded.Contains(Kube!.Value);

    public override string ToString() => $"{Name} ({Command})";
}
