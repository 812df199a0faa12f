using System.Text.Json;

namespace Kalc.Iac.Bench.Generator.Plan;

/// <summary>Writes one resource_changes entry the way `terraform show -json` does (format 1.2).</summary>
internal sealed class PlanChangeWriter(Utf8JsonWriter w)
{
    public const string Provider = "registry.terraform.io/hashicorp/aws";

    /// <summary>One change: the address parts, the action, what is unknown or sensitive, and the value writers.
    /// <paramref name="Key"/> is a for_each key (string) or a count index (int), or null.</summary>
    public sealed record Entry(
        string Address, string? Module, string Type, string Name, object? Key, PlanAction Action,
        string[] UnknownOnCreate, string[] Sensitive, Action<Utf8JsonWriter>? Before, Action<Utf8JsonWriter>? After,
        string? ReplacePath = null);

    public void Write(Entry e)
    {
        w.WriteStartObject();
        w.WriteString("address", e.Address);
        if (e.Module is not null) w.WriteString("module_address", e.Module);
        w.WriteString("mode", "managed");
        w.WriteString("type", e.Type);
        w.WriteString("name", e.Name);
        switch (e.Key)
        {
            case int index: w.WriteNumber("index", index); break;
            case string key: w.WriteString("index", key); break;
        }
        w.WriteString("provider_name", Provider);
        w.WriteStartObject("change");
        w.WriteStartArray("actions");
        foreach (var action in e.Action.Wire()) w.WriteStringValue(action);
        w.WriteEndArray();
        var before = e.Action.HasBefore() ? e.Before : null;
        var after = e.Action.HasAfter() ? e.After ?? e.Before : null;
        Value(w, "before", before);
        Value(w, "after", after);
        w.WriteStartObject("after_unknown");
        if (e.Action is PlanAction.Create or PlanAction.ReplaceCreateFirst or PlanAction.ReplaceDeleteFirst)
            foreach (var name in e.UnknownOnCreate) w.WriteBoolean(name, true);
        w.WriteEndObject();
        Sensitivity(w, "before_sensitive", before is not null, e.Sensitive);
        Sensitivity(w, "after_sensitive", after is not null, e.Sensitive);
        if (e.Action is PlanAction.ReplaceCreateFirst or PlanAction.ReplaceDeleteFirst && e.ReplacePath is not null)
        {
            w.WriteStartArray("replace_paths");
            w.WriteStartArray();
            w.WriteStringValue(e.ReplacePath);
            w.WriteEndArray();
            w.WriteEndArray();
        }
        w.WriteEndObject();
        if (e.Action is PlanAction.ReplaceCreateFirst or PlanAction.ReplaceDeleteFirst)
            w.WriteString("action_reason", "replace_because_cannot_update");
        if (e.Action is PlanAction.Delete && e.Module is not null && e.Key is null)
            w.WriteString("action_reason", "delete_because_no_resource_config");
        w.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter w, string name, Action<Utf8JsonWriter>? write)
    {
        w.WritePropertyName(name);
        if (write is null) w.WriteNullValue(); else write(w);
    }

    // Terraform writes false for a null value and an object of marks otherwise.
    private static void Sensitivity(Utf8JsonWriter w, string name, bool present, string[] sensitive)
    {
        if (!present) { w.WriteBoolean(name, false); return; }
        w.WriteStartObject(name);
        foreach (var attribute in sensitive) w.WriteBoolean(attribute, true);
        w.WriteEndObject();
    }
}
