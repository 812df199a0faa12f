using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kalc.Iac.Bench.Generator.Plan;

/// <summary>Streams a `terraform show -json` plan (format_version 1.2, terraform 1.9.5) with --resources changes.
/// planned_values, prior_state and configuration are skeletal: readers of resource_changes do not need them.</summary>
internal static class PlanWriter
{
    private static readonly IResourceShape[] Shapes =
    [
        new InstanceShape(), new IamRoleShape(), new RolePolicyAttachmentShape(),
        new InstanceProfileShape(), new SecurityGroupShape(), new S3BucketShape(),
    ];

    public static void Write(Stream stream, Scenario s)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            SkipValidation = true,
            // Like Go's encoding/json: quotes inside policy strings as \", not \u0022.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        w.WriteStartObject();
        w.WriteString("format_version", "1.2");
        w.WriteString("terraform_version", "1.9.5");
        w.WriteStartObject("variables");
        w.WriteStartObject("region");
        w.WriteString("value", Scenario.Region);
        w.WriteEndObject();
        w.WriteStartObject("cluster_name");
        w.WriteString("value", Scenario.Cluster);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("planned_values");
        w.WriteStartObject("root_module");
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartArray("resource_changes");
        var changes = new PlanChangeWriter(w);
        var breakAt = s.Options.Resources / 3;
        for (var i = 0; i < s.Options.Resources; i++)
        {
            if (i == breakAt) BreakingChanges.Write(changes, s);
            changes.Write(Entry(s, i));
            if (i % 4096 == 0) w.Flush();
        }
        if (s.Options.Resources == 0) BreakingChanges.Write(changes, s);
        w.WriteEndArray();

        w.WriteStartObject("output_changes");
        w.WriteEndObject();
        w.WriteStartObject("prior_state");
        w.WriteString("format_version", "1.0");
        w.WriteString("terraform_version", "1.9.5");
        w.WriteStartObject("values");
        w.WriteStartObject("root_module");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("configuration");
        w.WriteStartObject("provider_config");
        w.WriteStartObject("aws");
        w.WriteString("name", "aws");
        w.WriteString("full_name", PlanChangeWriter.Provider);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("root_module");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("timestamp", "2026-11-25T12:00:00Z");
        w.WriteBoolean("applyable", true);
        w.WriteBoolean("complete", true);
        w.WriteBoolean("errored", false);
        w.WriteEndObject();
    }

    /// <summary>Resource i: its module (root, one level, or nested), name and count index or for_each key.</summary>
    private static PlanChangeWriter.Entry Entry(Scenario s, int i)
    {
        var shape = Shapes[(int)s.Kinds[i]];
        var type = s.Kinds[i].TerraformType();
        var action = s.Actions[i];
        var m = s.Det.Below(i, 3, 60);
        var module = m switch
        {
            < 10 => null,
            < 50 => $"module.app_{m:D2}",
            _ => $"module.app_{m:D2}.module.sg",
        };
        var name = $"{shape.Name}_{i / 50}";
        object key = shape.UsesCount ? i % 50 : $"svc-{i % 50:D2}";
        var index = key is int n ? $"[{n}]" : $"[\"{key}\"]";
        var address = (module is null ? "" : module + ".") + $"{type}.{name}{index}";
        var changed = action is PlanAction.Update or PlanAction.ReplaceCreateFirst or PlanAction.ReplaceDeleteFirst;
        return new PlanChangeWriter.Entry(address, module, type, name, key, action, shape.UnknownOnCreate, shape.Sensitive,
            w => shape.WriteValues(w, s, i, Side.Before, changed: false),
            w => shape.WriteValues(w, s, i, Side.After, changed),
            shape.ReplacePath);
    }
}
