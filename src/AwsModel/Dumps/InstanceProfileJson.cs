using System.Text.Json;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary>One instance profile object (get-instance-profile, list-instance-profiles item, or an
/// InstanceProfileList item of a role in get-account-authorization-details); its roles come out as
/// embedded roles, each linked back to the profile.</summary>
internal static class InstanceProfileJson
{
    public static InstanceProfile Read(JsonElement p, string file, string path, ICollection<string> missing, ICollection<IamRole> embeddedRoles)
    {
        var arn = p.Need("Arn", path);
        var roleNames = new List<string>();
        var i = 0;
        foreach (var r in p.Arr("Roles"))
        {
            var role = IamRoleJson.Read(r, file, $"{path}.Roles[{i++}]", missing, policiesRead: false);
            roleNames.Add(role.Name);
            embeddedRoles.Add(role with { InstanceProfileArns = [arn] });
        }
        return new InstanceProfile
        {
            Arn = arn,
            Name = p.Need("InstanceProfileName", path),
            InstanceProfileId = p.Str("InstanceProfileId"),
            Path = p.Str("Path") ?? "/",
            RoleNames = [.. roleNames],
            Source = SourceRef.Of(file, path: path),
        };
    }
}
