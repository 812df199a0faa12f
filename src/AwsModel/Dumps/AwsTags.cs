using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary>Tags as aws-cli prints them: EC2/IAM/Auto Scaling use <c>[{"Key","Value"}]</c>, EKS a plain object.</summary>
internal static class AwsTags
{
    public static ImmutableDictionary<string, string> Read(JsonElement owner, string field = "Tags")
    {
        if (owner.Field(field) is not { } tags) return Tags.None;
        var b = Tags.None.ToBuilder();
        if (tags.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in tags.EnumerateArray())
                if (AwsStrings.Str(t, "Key") is { } k) b[k] = AwsStrings.Str(t, "Value") ?? "";
        }
        else if (tags.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in tags.EnumerateObject())
                b[AwsStrings.Intern(p.Name)!] = AwsStrings.Text(p.Value) ?? "";
        }
        return b.ToImmutable();
    }
}
