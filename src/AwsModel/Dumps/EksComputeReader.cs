using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary><c>eks describe-nodegroup</c> and <c>eks describe-fargate-profile</c>: where the cluster's pods run
/// (https://docs.aws.amazon.com/eks/latest/APIReference/API_Nodegroup.html, API_FargateProfile.html). Their list commands
/// (<c>list-nodegroups</c>, <c>list-fargate-profiles</c>) name what exists, so a listed name without its describe output
/// is reported missing rather than taken as absent.</summary>
internal static class EksComputeReader
{
    public static void ReadNodegroup(AwsDump dump, FragmentParts parts)
    {
        var g = dump.Root.Obj("nodegroup") ?? throw new InputException("\"nodegroup\" is not an object");
        const string path = "nodegroup";
        var scaling = g.Obj("scalingConfig");
        var update = g.Obj("updateConfig");
        var lt = g.Obj("launchTemplate");
        parts.Nodegroups.Add(new EksNodegroup
        {
            Name = g.Need("nodegroupName", path),
            ClusterName = g.Need("clusterName", path),
            Arn = g.Str("nodegroupArn"),
            Version = g.Str("version"),
            ReleaseVersion = g.Str("releaseVersion"),
            AmiType = g.Str("amiType"),
            CapacityType = g.Str("capacityType"),
            InstanceTypes = g.Strings("instanceTypes"),
            SubnetIds = g.Strings("subnets"),
            NodeRoleArn = g.Str("nodeRole"),
            MinSize = (int)(scaling?.Long("minSize") ?? 0),
            MaxSize = (int)(scaling?.Long("maxSize") ?? 0),
            DesiredSize = (int)(scaling?.Long("desiredSize") ?? 0),
            MaxUnavailable = update?.Long("maxUnavailable") is { } n ? (int)n : null,
            MaxUnavailablePercentage = update?.Long("maxUnavailablePercentage") is { } p ? (int)p : null,
            LaunchTemplateId = lt?.Str("id"),
            LaunchTemplateName = lt?.Str("name"),
            LaunchTemplateVersion = lt?.Str("version"),
            AutoScalingGroupNames = [.. (g.Obj("resources")?.Arr("autoScalingGroups") ?? default).Select(a => a.Str("name")).OfType<string>()],
            Labels = g.StringMap("labels"),
            Status = g.Str("status"),
            Source = SourceRef.Of(parts.File, path: path),
        });
        parts.Loaded.Add(AwsStateKind.Nodegroups);
    }

    public static void ReadFargateProfile(AwsDump dump, FragmentParts parts)
    {
        var f = dump.Root.Obj("fargateProfile") ?? throw new InputException("\"fargateProfile\" is not an object");
        const string path = "fargateProfile";
        parts.FargateProfiles.Add(new FargateProfile
        {
            Name = f.Need("fargateProfileName", path),
            ClusterName = f.Need("clusterName", path),
            Arn = f.Str("fargateProfileArn"),
            PodExecutionRoleArn = f.Str("podExecutionRoleArn"),
            SubnetIds = f.Strings("subnets"),
            Selectors = [.. f.Arr("selectors").Select(s => new FargateSelector(s.Str("namespace") ?? "", s.StringMap("labels")))],
            Status = f.Str("status"),
            Source = SourceRef.Of(parts.File, path: path),
        });
        parts.Loaded.Add(AwsStateKind.FargateProfiles);
    }

    public static void ReadNodegroupList(AwsDump dump, FragmentParts parts) =>
        Listed(dump, parts, "nodegroups", AwsStateKind.Nodegroups, "eks describe-nodegroup");

    public static void ReadFargateProfileList(AwsDump dump, FragmentParts parts) =>
        Listed(dump, parts, "fargateProfileNames", AwsStateKind.FargateProfiles, "eks describe-fargate-profile");

    public static void ReadAddonList(AwsDump dump, FragmentParts parts) =>
        Listed(dump, parts, "addons", AwsStateKind.Addons, "eks describe-addon");

    private static void Listed(AwsDump dump, FragmentParts parts, string key, AwsStateKind kind, string describe)
    {
        foreach (var name in dump.Root.Strings(key)) parts.Listed.Add(new ListedName(kind, name, describe, parts.File));
        parts.Loaded.Add(kind);
    }

    /// <summary>True when <paramref name="key"/> holds names (the list command), not objects. An empty <c>addons</c> array
    /// could be either list-addons or describe-addon-versions; it is read as the latter, which claims nothing.</summary>
    public static bool IsNameList(AwsDump dump, string key) =>
        dump.Root.Field(key) is { ValueKind: JsonValueKind.Array } a
        && (key != "addons" || a.GetArrayLength() > 0)
        && a.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String);
}

/// <summary>A name a list command printed (list-nodegroups, list-fargate-profiles, list-addons), checked against the describe outputs at merge.</summary>
public sealed record ListedName(AwsStateKind Kind, string Name, string DescribeCommand, string File);
