using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary><c>eks describe-addon</c> (https://docs.aws.amazon.com/eks/latest/APIReference/API_Addon.html) and
/// <c>eks describe-addon-versions</c> (API_AddonInfo.html): what is installed, and which add-on versions EKS publishes as
/// compatible with which cluster versions.</summary>
internal static class EksAddonsReader
{
    public static void ReadAddon(AwsDump dump, FragmentParts parts)
    {
        var a = dump.Root.Obj("addon") ?? throw new InputException("\"addon\" is not an object");
        const string path = "addon";
        parts.Addons.Add(new EksAddon
        {
            Name = a.Need("addonName", path),
            ClusterName = a.Need("clusterName", path),
            Version = a.Str("addonVersion"),
            ServiceAccountRoleArn = a.Str("serviceAccountRoleArn"),
            PodIdentityAssociationArns = a.Strings("podIdentityAssociations"),
            Status = a.Str("status"),
            Arn = a.Str("addonArn"),
            Source = SourceRef.Of(parts.File, path: path),
        });
        parts.Loaded.Add(AwsStateKind.Addons);
    }

    public static void ReadVersions(AwsDump dump, FragmentParts parts)
    {
        var i = 0;
        foreach (var addon in dump.Items("addons"))
        {
            var path = $"addons[{i++}]";
            var name = addon.Need("addonName", path);
            var j = 0;
            foreach (var v in addon.Arr("addonVersions"))
            {
                var vPath = $"{path}.addonVersions[{j++}]";
                var compat = v.Arr("compatibilities").ToList();
                parts.AddonVersions.Add(new AddonVersionInfo
                {
                    AddonName = name,
                    Version = v.Need("addonVersion", vPath),
                    ClusterVersions = [.. compat.Select(c => c.Str("clusterVersion")).OfType<string>().Distinct(StringComparer.Ordinal)],
                    DefaultFor = [.. compat.Where(c => c.Bool("defaultVersion")).Select(c => c.Str("clusterVersion")).OfType<string>()],
                    Source = SourceRef.Of(parts.File, path: vPath),
                });
            }
        }
        parts.Loaded.Add(AwsStateKind.AddonVersions);
    }
}
