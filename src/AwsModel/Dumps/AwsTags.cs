using System.Runtime.InteropServices;
using System.Text.Json;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary>Tags as aws-cli prints them: EC2/IAM/Auto Scaling use <c>[{"Key","Value"}]</c>, EKS a plain object.</summary>
internal static class AwsTags
{
    public static IReadOnlyDictionary<string, string> Read(JsonElement owner, string field = "Tags")
    {
        if (owner.Field(field) is not { } tags) return Tags.None;
        var pairs = Pairs ??= [];
        pairs.Clear();
        if (tags.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in tags.EnumerateArray())
                if (JsonStrings.Str(t, "Key") is { } k) pairs.Add(new(k, JsonStrings.Str(t, "Value") ?? ""));
        }
        else if (tags.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in tags.EnumerateObject())
                pairs.Add(new(JsonStrings.Intern(p.Name)!, JsonStrings.Text(p.Value) ?? ""));
        }
        return pairs.Count == 0 ? Tags.None : Tags.Of(CollectionsMarshal.AsSpan(pairs));
    }

    /// <summary>The pairs of the tags being read, one list per thread (dump files are read side by side).</summary>
    [ThreadStatic]
    private static List<KeyValuePair<string, string>>? Pairs;
}
