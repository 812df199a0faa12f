using Kalc.Iac.Analyzers.Cluster;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>A node's IAM role: node -> EC2 instance -> instance profile (by ARN, else by name) -> its role.</summary>
public sealed record NodeRole(KubeNode Node, Ec2Instance Instance, InstanceProfile Profile, IamRole Role)
{
    public static NodeRole? Of(ClusterTopology topology, KubeNode node)
    {
        if (topology.InstanceOf(node) is not { InstanceProfileArn: { } profileArn } instance) return null;
        var profile = topology.ProfileOf(profileArn, profileArn[(profileArn.LastIndexOf('/') + 1)..]);
        if (profile is null || profile.RoleNames.IsEmpty) return null;
        var role = topology.RoleNamed(profile.RoleNames[0]);
        return role is null ? null : new NodeRole(node, instance, profile, role);
    }

    public string How => $"node {Node.Name} is instance {Instance.InstanceId}, whose instance profile {Profile.Name} holds role {Role.Name}";
}
