using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary><c>ec2 describe-network-interfaces</c> (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_NetworkInterface.html):
/// which security groups sit on which ENI, and which instance the ENI is attached to. Tags are in TagSet here.</summary>
internal static class NetworkInterfacesReader
{
    public static void Read(AwsDump dump, FragmentParts parts)
    {
        var i = 0;
        foreach (var n in dump.Items("NetworkInterfaces"))
        {
            var path = $"NetworkInterfaces[{i++}]";
            parts.NetworkInterfaces.Add(new NetworkInterface
            {
                NetworkInterfaceId = n.Need("NetworkInterfaceId", path),
                InterfaceType = n.Str("InterfaceType"),
                Status = n.Str("Status"),
                SubnetId = n.Str("SubnetId"),
                VpcId = n.Str("VpcId"),
                PrivateIpAddress = n.Str("PrivateIpAddress"),
                Description = n.Str("Description"),
                InstanceId = n.Obj("Attachment")?.Str("InstanceId"),
                SecurityGroupIds = [.. n.Arr("Groups").Select(g => g.Str("GroupId")).OfType<string>()],
                Tags = AwsTags.Read(n, "TagSet"),
                Source = SourceRef.Of(parts.File, path: path),
            });
        }
        parts.Loaded.Add(AwsStateKind.NetworkInterfaces);
    }
}
