using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;

namespace Kalc.Iac.KubeModel.Readers;

/// <summary>The metadata every Kubernetes object carries, read once per object.</summary>
internal sealed record ObjectMeta(string Kind, string Name, string Namespace, ImmutableDictionary<string, string> Labels,
    ImmutableDictionary<string, string> Annotations, string? OwnerKind, string? OwnerName)
{
    public static ObjectMeta Read(JsonElement obj, string kind, string where)
    {
        var meta = obj.Obj("metadata") ?? throw new InputException($"{where}: {kind} has no metadata");
        var name = meta.Str("name") is { Length: > 0 } n ? n : throw new InputException($"{where}: {kind} has no metadata.name");
        // The controller owner if one is marked, else the first owner.
        var owners = meta.Arr("ownerReferences").ToList();
        var owner = owners.FirstOrDefault(o => o.Bool("controller"));
        if (owner.ValueKind != JsonValueKind.Object && owners.Count > 0) owner = owners[0];
        return new ObjectMeta(kind, name, meta.Str("namespace") ?? "default", meta.StringMap("labels"), meta.StringMap("annotations"),
            owner.ValueKind == JsonValueKind.Object ? owner.Str("kind") : null,
            owner.ValueKind == JsonValueKind.Object ? owner.Str("name") : null);
    }
}
