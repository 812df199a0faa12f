using System.Text.Json;

namespace Kalc.Iac.Bench.Generator.Plan;

/// <summary>The tags and tags_all maps every AWS resource carries in a plan.</summary>
internal static class Tags
{
    public static void Write(Utf8JsonWriter w, Scenario s, int i, string name, bool changed)
    {
        foreach (var property in (string[])["tags", "tags_all"])
        {
            w.WriteStartObject(property);
            w.WriteString("Name", name);
            w.WriteString("team", $"team-{s.Det.Below(i, 10, 40)}");
            w.WriteString("env", s.Det.Below(i, 11, 3) switch { 0 => "prod", 1 => "staging", _ => "dev" });
            if (changed) w.WriteString("revision", $"r{s.Det.Below(i, 13, 90000)}");
            w.WriteEndObject();
        }
    }
}
