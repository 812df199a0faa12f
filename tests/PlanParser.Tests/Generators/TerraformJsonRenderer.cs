using System.Text;
using System.Text.Json;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Tests.Generators;

/// <summary>Renders a generated plan as `terraform show -json` output (format 1.2), following the documented shape:
/// unknown values are left out of "after" and marked in after_unknown; sensitive ones are marked in *_sensitive
/// with a placeholder value that must never reach the model.</summary>
public static class TerraformJsonRenderer
{
    public const string SecretPlaceholder = "s3cr3t-placeholder";

    public static byte[] Render(GeneratedPlan plan)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("format_version", "1.2");
            w.WriteString("terraform_version", "1.9.5");
            w.WriteStartArray("resource_changes");
            foreach (var r in plan.Resources) Resource(w, r);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void Resource(Utf8JsonWriter w, GeneratedResource r)
    {
        w.WriteStartObject();
        w.WriteString("address", r.Address);
        if (r.ModuleAddress is { } m) w.WriteString("module_address", m);
        w.WriteString("mode", r.IsData ? "data" : "managed");
        w.WriteString("type", r.Type);
        w.WriteString("name", r.Name);
        if (r.Index is { } i)
        {
            w.WritePropertyName("index");
            if (i.StartsWith('"')) w.WriteStringValue(JsonSerializer.Deserialize<string>(i));
            else w.WriteRawValue(i);
        }
        w.WriteString("provider_name", "registry.terraform.io/hashicorp/aws");
        w.WriteStartObject("change");
        w.WriteStartArray("actions");
        foreach (var a in r.Actions) w.WriteStringValue(a.ToWire());
        w.WriteEndArray();
        var hasBefore = r.Action is not (GeneratedAction.Create or GeneratedAction.Read);
        var hasAfter = r.Action != GeneratedAction.Delete;
        var before = Instances(r, b => b.Before);
        var after = Instances(r, b => b.After);
        Side(w, "before", hasBefore, r.Attributes.Select(a => (a.Name, a.Before)), before);
        Side(w, "after", hasAfter, r.Attributes.Select(a => (a.Name, a.After)), after);
        Mask(w, "after_unknown", hasAfter, r.Attributes.Where(a => a.After.IsUnknown).Select(a => a.Name), []);
        Mask(w, "before_sensitive", hasBefore, r.Attributes.Where(a => a.Before.IsSensitive).Select(a => a.Name), before);
        Mask(w, "after_sensitive", hasAfter, r.Attributes.Where(a => a.After.IsSensitive).Select(a => a.Name), after);
        if (r.Attributes.Any(a => a.ForcesReplacement))
        {
            w.WriteStartArray("replace_paths");
            foreach (var a in r.Attributes.Where(a => a.ForcesReplacement))
            {
                w.WriteStartArray();
                w.WriteStringValue(a.Name);
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A side's nested blocks by name, as list blocks: the instances that side has, in order.</summary>
    private static List<(string Name, List<GeneratedBlock> Instances)> Instances(GeneratedResource r, Func<GeneratedBlock, PlanObject?> side) =>
        [.. r.NestedBlocks.Where(b => side(b) is not null).GroupBy(b => b.Name, StringComparer.Ordinal).Select(g => (g.Key, g.ToList()))];

    private static void Side(Utf8JsonWriter w, string name, bool present, IEnumerable<(string Name, PlanValue Value)> attributes,
        List<(string Name, List<GeneratedBlock> Instances)> blocks)
    {
        w.WritePropertyName(name);
        if (!present)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        foreach (var (attr, value) in attributes)
        {
            if (value.IsUnknown) continue;
            w.WritePropertyName(attr);
            if (value.IsSensitive) w.WriteStringValue(SecretPlaceholder);
            else PlanValueJson.Write(w, value);
        }
        foreach (var (block, instances) in blocks)
        {
            w.WriteStartArray(block);
            // A sensitive instance's content is masked by *_sensitive; its value here must never reach the model.
            foreach (var b in instances)
            {
                if (b.Sensitive) PlanValueJson.Write(w, new PlanObject(PlanPropertyDictionary.From([KeyValuePair.Create("secret", (PlanValue)new PlanString(SecretPlaceholder))])));
                else PlanValueJson.Write(w, (name == "before" ? b.Before : b.After)!);
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void Mask(Utf8JsonWriter w, string name, bool present, IEnumerable<string> marked,
        List<(string Name, List<GeneratedBlock> Instances)> blocks)
    {
        w.WritePropertyName(name);
        if (!present)
        {
            w.WriteBooleanValue(false);
            return;
        }
        w.WriteStartObject();
        foreach (var m in marked) w.WriteBoolean(m, true);
        foreach (var (block, instances) in blocks.Where(b => b.Instances.Any(i => i.Sensitive)))
        {
            w.WriteStartArray(block);
            foreach (var b in instances) w.WriteBooleanValue(b.Sensitive);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    public static string AsText(byte[] json) => Encoding.UTF8.GetString(json);
}
