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
            var profile = v.Obj("LaunchTemplateData")?.Obj("IamInstanceProfile");
            parts.LaunchTemplateVersions.Add(new LaunchTemplateVersion
            {
                LaunchTemplateId = v.Need("LaunchTemplateId", path),
                LaunchTemplateName = v.Str("LaunchTemplateName"),
                VersionNumber = v.Long("VersionNumber") ?? throw new InputException($"{path} has no \"VersionNumber\""),
                DefaultVersion = v.Bool("DefaultVersion"),
                InstanceProfileArn = profile?.Str("Arn"),
                InstanceProfileName = profile?.Str("Name"),
                Source = SourceRef.Of(parts.File, path: path),
            });
        }
        parts.Loaded.Add(AwsStateKind.LaunchTemplateVersions);
    }
}
