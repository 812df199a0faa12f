using System.Text.Json;

namespace Kalc.Iac.Bench.Generator.Plan;

/// <summary>aws_iam_instance_profile for application instances (the node profile is a hand-made breaking change).</summary>
internal sealed class InstanceProfileShape : IResourceShape
{
    public string Name => "profile";

    public bool UsesCount => false;

    public string[] UnknownOnCreate { get; } = ["arn", "create_date", "id", "unique_id"];

    public string ReplacePath => "name";

    public string[] Sensitive { get; } = [];

    public void WriteValues(Utf8JsonWriter w, Scenario s, int i, Side side, bool changed)
    {
        var created = side == Side.After && s.Actions[i].CreatesNew();
        var name = $"svc-{i:D6}-profile";
        w.WriteStartObject();
        if (!created) w.WriteString("arn", $"arn:aws:iam::{Scenario.Account}:instance-profile/{name}");
        if (!created) w.WriteString("create_date", "2024-03-14T09:26:54Z");
        if (!created) w.WriteString("id", name);
        w.WriteString("name", name);
        w.WriteString("name_prefix", "");
        w.WriteString("path", "/");
        w.WriteString("role", Scenario.PlanRoleName(s.Det.Below(i, 60, Math.Max(1, s.Options.Resources)) + (changed ? 1 : 0)));
        Tags.Write(w, s, i, name, changed);
        if (!created) w.WriteString("unique_id", s.UniqueId("AIPA", i, 61));
        w.WriteEndObject();
    }
}
