using System.Text.Json;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary><c>iam get-role</c> (Role) and <c>iam list-roles</c> (Roles): roles without their policies.</summary>
internal static class IamRoleOutputsReader
{
    public static void ReadGetRole(AwsDump dump, FragmentParts parts)
    {
        parts.RoleDetail = 2;
        parts.Roles.Add(IamRoleJson.Read(dump.Root.Obj("Role") ?? throw new InputException("\"Role\" is not an object"), parts.File, "Role", parts.Missing, policiesRead: false));
    }

    public static void ReadListRoles(AwsDump dump, FragmentParts parts)
    {
        parts.RoleDetail = 1;
        var i = 0;
        foreach (var r in dump.Items("Roles"))
            parts.Roles.Add(IamRoleJson.Read(r, parts.File, $"Roles[{i++}]", parts.Missing, policiesRead: false));
        parts.Loaded.Add(AwsStateKind.IamRoles);
    }
}
