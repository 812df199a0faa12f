using Kalc.Iac.Analyzers.Cluster;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>A node's IAM role: node -> EC2 instance -> instance profile (by ARN, else by name) -> its role.</summary>
public sealed record NodeRole(KubeNode Node, Ec2Instance Instance, InstanceProfile Profile, IamRole Role)
{
    public static NodeRole? Of(ClusterTopology topology, KubeNode node)
    {
        var aws = topology.World.Aws;
        if (topology.InstanceOf(node) is not { InstanceProfileArn: { } profileArn } instance) return null;
        var profileName = profileArn[(profileArn.LastIndexOf('/') + 1)..];
        var profile = aws.InstanceProfiles.FirstOrDefault(p => p.Arn == profileArn) ?? aws.InstanceProfiles.FirstOrDefault(p => p.Name == profileName);
        if (profile is null || profile.RoleNames.IsEmpty) return null;
        var role = aws.Roles.FirstOrDefault(r => r.Name == profile.RoleNames[0]);
        return role is null ? null : new NodeRole(node, instance, profile, role);
    }

    public string How => $"node {Node.Name} is instance {Instance.InstanceId}, whose instance profile {Profile.Name} holds role {Role.Name}";
}
