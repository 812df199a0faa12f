using System.Text.Json;

namespace Kalc.Iac.Bench.Generator.Plan;

/// <summary>aws_security_group with inline ingress and egress rules (sets of objects, as the provider writes them).</summary>
internal sealed class SecurityGroupShape : IResourceShape
{
    public string Name => "sg";

    public bool UsesCount => false;

    public string[] UnknownOnCreate { get; } = ["arn", "id", "owner_id"];

    public string ReplacePath => "name";

    public string[] Sensitive { get; } = [];

    public void WriteValues(Utf8JsonWriter w, Scenario s, int i, Side side, bool changed)
    {
        var created = side == Side.After && s.Actions[i].CreatesNew();
        var id = s.SecurityGroupId(i);
        w.WriteStartObject();
        if (!created) w.WriteString("arn", $"arn:aws:ec2:{Scenario.Region}:{Scenario.Account}:security-group/{id}");
        w.WriteString("description", $"Service {i} security group");
        w.WriteStartArray("egress");
        Rule(w, 0, 0, "-1", "0.0.0.0/0", "all egress");
        w.WriteEndArray();
        if (!created) w.WriteString("id", id);
        w.WriteStartArray("ingress");
        var rules = 1 + s.Det.Below(i, 70, 4) + (changed ? 1 : 0);
        for (var r = 0; r < rules; r++)
        {
            var port = r switch { 0 => 443, 1 => 8443, 2 => 10250, 3 => 9100, _ => 30000 + r };
            Rule(w, port, port, "tcp", $"10.{s.Det.Below(i * 8 + r, 71, 4)}.0.0/16", $"rule {r}");
        }
        w.WriteEndArray();
        w.WriteString("name", $"svc-{i:D6}");
        w.WriteString("name_prefix", "");
        if (!created) w.WriteString("owner_id", Scenario.Account);
        w.WriteBoolean("revoke_rules_on_delete", false);
        Tags.Write(w, s, i, $"svc-{i:D6}", changed);
        w.WriteNull("timeouts");
        w.WriteString("vpc_id", s.VpcId);
        w.WriteEndObject();
    }

    /// <summary>One inline rule of an aws_security_group, as the aws provider plans it (every attribute present).</summary>
    internal static void Rule(Utf8JsonWriter w, int from, int to, string protocol, string? cidr, string description, string? group = null)
    {
        w.WriteStartObject();
        w.WriteStartArray("cidr_blocks");
        if (cidr is not null) w.WriteStringValue(cidr);
        w.WriteEndArray();
        w.WriteString("description", description);
        w.WriteNumber("from_port", from);
        w.WriteStartArray("ipv6_cidr_blocks");
        w.WriteEndArray();
        w.WriteStartArray("prefix_list_ids");
        w.WriteEndArray();
        w.WriteString("protocol", protocol);
        w.WriteStartArray("security_groups");
        if (group is not null) w.WriteStringValue(group);
        w.WriteEndArray();
        w.WriteBoolean("self", false);
        w.WriteNumber("to_port", to);
        w.WriteEndObject();
    }
}
