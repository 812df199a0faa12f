using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary><c>ec2 describe-launch-template-versions</c>: which instance profile each version launches with.</summary>
internal static class LaunchTemplateVersionsReader
{
    public static void Read(AwsDump dump, FragmentParts parts)
    {
        var i = 0;
        foreach (var v in dump.Items("LaunchTemplateVersions"))
        {
            var path = $"LaunchTemplateVersions[{i++}]";
            var data = v.Obj("LaunchTemplateData");
            var profile = data?.Obj("IamInstanceProfile");
            parts.LaunchTemplateVersions.Add(new LaunchTemplateVersion
            {
                LaunchTemplateId = v.Need("LaunchTemplateId", path),
                LaunchTemplateName = v.Str("LaunchTemplateName"),
                VersionNumber = v.Long("VersionNumber") ?? throw new InputException($"{path} has no \"VersionNumber\""),
                DefaultVersion = v.Bool("DefaultVersion"),
                InstanceProfileArn = profile?.Str("Arn"),
                InstanceProfileName = profile?.Str("Name"),
                ImageId = data?.Str("ImageId"),
                InstanceType = data?.Str("InstanceType"),
                HasUserData = data?.Str("UserData") is { Length: > 0 },
                SecurityGroupIds = data is { } d ? SecurityGroups(d) : [],
                Source = SourceRef.Of(parts.File, path: path),
            });
        }
        parts.Loaded.Add(AwsStateKind.LaunchTemplateVersions);
    }

    private static ImmutableArray<string> SecurityGroups(JsonElement data)
    {
        var ids = new List<string>(data.Strings("SecurityGroupIds"));
        foreach (var nic in data.Arr("NetworkInterfaces"))
            ids.AddRange(nic.Strings("Groups"));
        return [.. ids.Distinct(StringComparer.Ordinal)];
    }
}
