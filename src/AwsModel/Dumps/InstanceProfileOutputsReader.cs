using System.Text.Json;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary><c>iam get-instance-profile</c> (InstanceProfile) and <c>iam list-instance-profiles</c> (InstanceProfiles).</summary>
internal static class InstanceProfileOutputsReader
{
    public static void ReadGet(AwsDump dump, FragmentParts parts) =>
        parts.InstanceProfiles.Add(InstanceProfileJson.Read(
            dump.Root.Obj("InstanceProfile") ?? throw new InputException("\"InstanceProfile\" is not an object"),
            parts.File, "InstanceProfile", parts.Missing, parts.EmbeddedRoles));

    public static void ReadList(AwsDump dump, FragmentParts parts)
    {
        var i = 0;
        foreach (var p in dump.Items("InstanceProfiles"))
            parts.InstanceProfiles.Add(InstanceProfileJson.Read(p, parts.File, $"InstanceProfiles[{i++}]", parts.Missing, parts.EmbeddedRoles));
        parts.Loaded.Add(AwsStateKind.InstanceProfiles);
    }
}
