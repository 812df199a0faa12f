using System.Buffers;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Pulumi;

/// <summary>Turns two views of a Pulumi stack - the resources before an update (<c>pulumi stack export</c>) and after
/// it (what a policy pack's <c>AnalyzeStack</c> receives) - into a <see cref="Change"/>, as if Pulumi had printed the
/// steps: a URN that is gone is a delete, a new URN a create, a resource whose identity (<c>id</c>, <c>arn</c>) is
/// unknown or different afterwards a replacement, other differing outputs an update. The steps go through the same
/// reader as <c>pulumi preview --json</c>, so both see one vocabulary (<see cref="PulumiTypeMap"/>).</summary>
public static class PulumiStackComparison
{
    /// <summary>Every resource of both stacks. With <paramref name="before"/> null (the previous stack is not known)
    /// each resource after the update is an update whose old values are unknown: nothing can be seen deleted.</summary>
    public static ParseResult<Change> CompareStacks(IReadOnlyList<PulumiStackResource>? before, IReadOnlyList<PulumiStackResource> after, string name) =>
        Build(before, after, includeDeletes: true, name);

    /// <summary>One resource with its new values, against its entry in <paramref name="before"/> if any.</summary>
    public static ParseResult<Change> CompareResource(IReadOnlyList<PulumiStackResource>? before, PulumiStackResource resource, string name) =>
        Build(before, [resource], includeDeletes: false, name);

    private static ParseResult<Change> Build(IReadOnlyList<PulumiStackResource>? before, IReadOnlyList<PulumiStackResource> after, bool includeDeletes, string name)
    {
        var old = new Dictionary<string, PulumiStackResource>(StringComparer.Ordinal);
        if (before is not null)
            foreach (var r in before) old[r.Urn] = r;
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("steps");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in after)
            {
                seen.Add(r.Urn);
                if (before is null) WriteStep(w, "update", r.Urn, null, r.State);
                else if (!old.TryGetValue(r.Urn, out var was)) WriteStep(w, "create", r.Urn, null, r.State);
                else if (Replaced(was.State, r.State))
                {
                    // The order of the two steps tells the reader which happens first.
                    var first = r.DeleteBeforeReplace ? "delete-replaced" : "create-replacement";
                    var second = r.DeleteBeforeReplace ? "create-replacement" : "delete-replaced";
                    WriteStep(w, first, r.Urn, was.State, r.State);
                    WriteStep(w, second, r.Urn, was.State, r.State);
                }
                else WriteStep(w, SameValues(was.State, r.State) ? "same" : "update", r.Urn, was.State, r.State);
            }
            if (includeDeletes && before is not null)
                foreach (var r in before)
                    if (!seen.Contains(r.Urn)) WriteStep(w, "delete", r.Urn, r.State, null);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        var read = PulumiPreviewReader.Read(buffer.WrittenMemory, name);
        return read.IsOk ? ParseResult<Change>.Ok(read.Value with { Kind = InputKind.PulumiStack }) : read;
    }

    private static void WriteStep(Utf8JsonWriter w, string op, string urn, JsonElement? oldState, JsonElement? newState)
    {
        w.WriteStartObject();
        w.WriteString("op", op);
        w.WriteString("urn", urn);
        if (oldState is { } o) { w.WritePropertyName("oldState"); o.WriteTo(w); }
        if (newState is { } n) { w.WritePropertyName("newState"); n.WriteTo(w); }
        w.WriteEndObject();
    }

    /// <summary>A known identity before that is unknown or different after: the provider makes a new object.</summary>
    private static bool Replaced(JsonElement before, JsonElement after)
    {
        foreach (var key in IdentityKeys)
        {
            var was = Identity(before, key);
            if (was is null) continue;
            var now = Output(after, key);
            if (now.ValueKind == JsonValueKind.Undefined && key == "id") now = Property(after, "id");
            if (now.ValueKind == JsonValueKind.String && now.ValueEquals(UnknownSentinel)) return true;
            if (now.ValueKind == JsonValueKind.String && !now.ValueEquals(was)) return true;
        }
        return false;
    }

    private static readonly string[] IdentityKeys = ["id", "arn"];

    private const string UnknownSentinel = PulumiSignatures.Unknown;
    private const string SignatureKey = PulumiSignatures.SecretKey;

    private static string? Identity(JsonElement state, string key)
    {
        var v = Output(state, key);
        if (v.ValueKind != JsonValueKind.String && key == "id") v = Property(state, "id");
        return v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s && s != UnknownSentinel ? s : null;
    }

    /// <summary>A resource's new inputs (Analyze) compare with its old inputs; its new outputs (AnalyzeStack) with its old outputs.</summary>
    private static bool SameValues(JsonElement before, JsonElement after)
    {
        var bag = Property(after, "inputs").ValueKind == JsonValueKind.Object ? "inputs" : "outputs";
        return Same(Property(before, bag), Property(after, bag));
    }

    /// <summary>Structural equality; two secrets count as equal (their values are never read), numbers by value.</summary>
    private static bool Same(JsonElement a, JsonElement b)
    {
        if (IsSecret(a) && IsSecret(b)) return true;
        if (a.ValueKind != b.ValueKind) return false;
        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var p in a.EnumerateObject())
                {
                    count++;
                    if (!b.TryGetProperty(p.Name, out var other) || !Same(p.Value, other)) return false;
                }
                foreach (var _ in b.EnumerateObject()) count--;
                return count == 0;
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength()) return false;
                using (var ea = a.EnumerateArray().GetEnumerator())
                using (var eb = b.EnumerateArray().GetEnumerator())
                    while (ea.MoveNext() && eb.MoveNext())
                        if (!Same(ea.Current, eb.Current)) return false;
                return true;
            case JsonValueKind.Number:
                return a.GetDouble().Equals(b.GetDouble());
            case JsonValueKind.String:
                return a.ValueEquals(b.GetString());
            default:
                return true;
        }
    }

    private static bool IsSecret(JsonElement v) => v.ValueKind == JsonValueKind.Object && v.TryGetProperty(SignatureKey, out _);

    private static JsonElement Output(JsonElement state, string key) =>
        Property(state, "outputs") is { ValueKind: JsonValueKind.Object } outputs && outputs.TryGetProperty(key, out var v) ? v : default;

    private static JsonElement Property(JsonElement o, string key) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(key, out var v) ? v : default;
}
