using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary><c>autoscaling describe-auto-scaling-groups</c>. The launch template comes from LaunchTemplate or,
/// for mixed-instances groups, MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification.</summary>
internal static class AutoScalingGroupsReader
{
    public static void Read(AwsDump dump, FragmentParts parts)
    {
        var i = 0;
        foreach (var g in dump.Items("AutoScalingGroups"))
        {
            var path = $"AutoScalingGroups[{i++}]";
            var mixed = g.Obj("MixedInstancesPolicy")?.Obj("LaunchTemplate");
            var lt = g.Obj("LaunchTemplate") ?? mixed?.Obj("LaunchTemplateSpecification");
            parts.AutoScalingGroups.Add(new AutoScalingGroup
            {
                Name = g.Need("AutoScalingGroupName", path),
                Arn = g.Str("AutoScalingGroupARN"),
                LaunchTemplateId = lt?.Str("LaunchTemplateId"),
                LaunchTemplateName = lt?.Str("LaunchTemplateName"),
                LaunchTemplateVersion = lt?.Str("Version"),
                LaunchConfigurationName = g.Str("LaunchConfigurationName"),
                MixedInstances = mixed is not null,
                OverrideInstanceTypes = mixed is { } m ? [.. m.Arr("Overrides").Select(o => o.Str("InstanceType")).OfType<string>()] : [],
                SubnetIds = [.. (g.Str("VPCZoneIdentifier") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                InstanceLaunchTemplateVersions = InstanceVersions(g),
                MinSize = (int)(g.Long("MinSize") ?? 0),
                MaxSize = (int)(g.Long("MaxSize") ?? 0),
                DesiredCapacity = (int)(g.Long("DesiredCapacity") ?? 0),
                InstanceIds = [.. g.Arr("Instances").Select(x => x.Str("InstanceId")).OfType<string>()],
                Tags = AwsTags.Read(g),
                Source = SourceRef.Of(parts.File, path: path),
            });
        }
        parts.Loaded.Add(AwsStateKind.AutoScalingGroups);
    }

    private static ImmutableDictionary<string, string> InstanceVersions(JsonElement group)
    {
        var b = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var i in group.Arr("Instances"))
            if (i.Str("InstanceId") is { } id && i.Obj("LaunchTemplate")?.Str("Version") is { } version) b[id] = version;
        return b.ToImmutable();
    }
}
