using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Json;

namespace Kalc.Iac.PlanParser.Pulumi;

/// <summary>Reads what <c>pulumi stack export</c> prints: <c>{"version": 3, "deployment": {"manifest": ..., "resources":
/// [ResourceV3, ...], "pending_operations": [...]}}</c> (<c>apitype.UntypedDeployment</c> and <c>DeploymentV3</c>,
/// https://github.com/pulumi/pulumi/blob/master/sdk/go/common/apitype/core.go). Resources marked <c>delete</c> are
/// replaced objects waiting to be deleted; they are not part of the stack the program describes and are left out.</summary>
public static class PulumiStackExportReader
{
    public static ParseResult<ImmutableArray<PulumiStackResource>> Read(ReadOnlyMemory<byte> bytes, string file) =>
        ParseResult<ImmutableArray<PulumiStackResource>>.Catch(file, () => ReadExport(bytes, file));

    private static ImmutableArray<PulumiStackResource> ReadExport(ReadOnlyMemory<byte> input, string file)
    {
        var payload = JsonPayload.Locate(input, file);
        if (payload.Utf8.IsEmpty) throw new InputException(new InputError(file, "empty input: no pulumi stack export output"));
        using var doc = JsonDocument.Parse(payload.Utf8, JsonLimits.DocumentOptions);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("deployment", out var deployment))
            throw new InputException(new InputError(file, "not a pulumi stack export output: no \"deployment\""));
        if (root.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number &&
            version.TryGetInt32(out var v) && v > 3)
            throw new InputException(new InputError(file, $"pulumi stack export version {v} is newer than this reader knows (3)"));
        if (deployment.ValueKind == JsonValueKind.Null) return [];
        if (deployment.ValueKind != JsonValueKind.Object)
            throw new InputException(new InputError(file, "\"deployment\" is not an object"));
        if (!deployment.TryGetProperty("resources", out var resources) || resources.ValueKind == JsonValueKind.Null) return [];
        if (resources.ValueKind != JsonValueKind.Array)
            throw new InputException(new InputError(file, "deployment.resources is not an array"));

        var result = ImmutableArray.CreateBuilder<PulumiStackResource>(resources.GetArrayLength());
        var index = 0;
        foreach (var r in resources.EnumerateArray())
        {
            if (r.ValueKind != JsonValueKind.Object)
                throw new InputException(new InputError(file, $"deployment.resources[{index}] is not an object"));
            var urn = Text(r, "urn") ?? throw new InputException(new InputError(file, $"deployment.resources[{index}] has no \"urn\""));
            var type = Text(r, "type") ?? throw new InputException(new InputError(file, $"deployment.resources[{index}] has no \"type\""));
            index++;
            if (r.TryGetProperty("delete", out var pendingDelete) && pendingDelete.ValueKind == JsonValueKind.True) continue;
            result.Add(new PulumiStackResource(urn, type, r.Clone()));
        }
        return result.ToImmutable();
    }

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
