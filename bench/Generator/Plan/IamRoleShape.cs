using System.Text.Json;

namespace Kalc.Iac.Bench.Generator.Plan;

/// <summary>aws_iam_role, with its trust policy as a JSON string (EC2 or IRSA).</summary>
internal sealed class IamRoleShape : IResourceShape
{
    public string Name => "service";

    public bool UsesCount => false;

    public string[] UnknownOnCreate { get; } = ["arn", "create_date", "id", "unique_id", "managed_policy_arns", "inline_policy"];

    public string ReplacePath => "name";

    public string[] Sensitive { get; } = [];

    public void WriteValues(Utf8JsonWriter w, Scenario s, int i, Side side, bool changed)
    {
        var created = side == Side.After && s.Actions[i].CreatesNew();
        var replaced = changed && s.Actions[i] is PlanAction.ReplaceCreateFirst or PlanAction.ReplaceDeleteFirst;
        var name = replaced ? Scenario.PlanRoleName(i) + "-v2" : Scenario.PlanRoleName(i);
        var irsa = s.Det.Below(i, 40, 3) == 0;
        w.WriteStartObject();
        if (!created) w.WriteString("arn", Scenario.RoleArn(name));
        w.WriteString("assume_role_policy", irsa ? TrustPolicies.Irsa($"team-{i % 40}", $"app-{i}") : TrustPolicies.Ec2);
        if (!created) w.WriteString("create_date", "2024-03-14T09:26:53Z");
        w.WriteString("description", changed ? $"Service role {i} (rotated)" : $"Service role {i}");
        w.WriteBoolean("force_detach_policies", false);
        if (!created) w.WriteString("id", name);
        if (!created)
        {
            w.WriteStartArray("inline_policy");
            w.WriteStartObject();
            w.WriteString("name", "bucket-access");
            w.WriteString("policy", TrustPolicies.S3ReadWrite($"bench-data-{i % 997}"));
            w.WriteEndObject();
            w.WriteEndArray();
        }
        if (!created)
        {
            w.WriteStartArray("managed_policy_arns");
            w.WriteStringValue(Scenario.PolicyArn(Scenario.PlanPolicyName(i % Math.Max(1, s.Options.Policies))));
            w.WriteEndArray();
        }
        w.WriteNumber("max_session_duration", 3600);
        w.WriteString("name", name);
        w.WriteString("name_prefix", "");
        w.WriteString("path", "/");
        w.WriteNull("permissions_boundary");
        Tags.Write(w, s, i, name, changed);
        if (!created) w.WriteString("unique_id", s.UniqueId("AROA", i, 41));
        w.WriteEndObject();
    }
}
