using System.Text.Json;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary><c>ec2 describe-subnets</c>, <c>describe-vpcs</c> and <c>describe-security-groups</c>: the network
/// records nodes are placed in, each a flat list of small objects.</summary>
internal static class Ec2NetworkReader
{
    public static void ReadSubnets(AwsDump dump, FragmentParts parts)
    {
        var i = 0;
        foreach (var s in dump.Items("Subnets"))
        {
            var path = $"Subnets[{i++}]";
            parts.Subnets.Add(new Subnet
            {
                SubnetId = s.Need("SubnetId", path),
                VpcId = s.Need("VpcId", path),
                CidrBlock = s.Str("CidrBlock"),
                Ipv6CidrBlocks = [.. s.Arr("Ipv6CidrBlockAssociationSet").Select(a => a.Str("Ipv6CidrBlock")).OfType<string>()],
                AvailabilityZone = s.Str("AvailabilityZone"),
                AvailabilityZoneId = s.Str("AvailabilityZoneId"),
                MapPublicIpOnLaunch = s.Bool("MapPublicIpOnLaunch"),
                Tags = AwsTags.Read(s),
                Source = SourceRef.Of(parts.File, path: path),
            });
        }
        parts.Loaded.Add(AwsStateKind.Subnets);
    }

    public static void ReadVpcs(AwsDump dump, FragmentParts parts)
    {
        var i = 0;
        foreach (var v in dump.Items("Vpcs"))
        {
            var path = $"Vpcs[{i++}]";
            var cidrs = new List<string>();
            if (v.Str("CidrBlock") is { } primary) cidrs.Add(primary);
            foreach (var a in v.Arr("CidrBlockAssociationSet"))
            {
                var state = a.Obj("CidrBlockState")?.Str("State");
                if (a.Str("CidrBlock") is { } c && !cidrs.Contains(c) && state is null or "associated" or "associating")
                    cidrs.Add(c);
            }
            parts.Vpcs.Add(new Vpc
            {
                VpcId = v.Need("VpcId", path),
                CidrBlocks = [.. cidrs],
                Tags = AwsTags.Read(v),
                Source = SourceRef.Of(parts.File, path: path),
            });
        }
        parts.Loaded.Add(AwsStateKind.Vpcs);
    }

    public static void ReadSecurityGroups(AwsDump dump, FragmentParts parts)
    {
        var i = 0;
        foreach (var g in dump.Items("SecurityGroups"))
        {
            var path = $"SecurityGroups[{i++}]";
            parts.SecurityGroups.Add(new SecurityGroup
            {
                GroupId = g.Need("GroupId", path),
                GroupName = g.Str("GroupName"),
                VpcId = g.Str("VpcId"),
                Tags = AwsTags.Read(g),
                Rules = SecurityGroupRulesReader.FromPermissions(g, path, parts.File),
                Source = SourceRef.Of(parts.File, path: path),
            });
        }
        parts.Loaded.Add(AwsStateKind.SecurityGroups);
    }
}
