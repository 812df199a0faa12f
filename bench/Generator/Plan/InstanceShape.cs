using System.Text.Json;

namespace Kalc.Iac.Bench.Generator.Plan;

/// <summary>aws_instance: the largest object in most plans (about 40 attributes, nested blocks).</summary>
internal sealed class InstanceShape : IResourceShape
{
    private static readonly string[] Types = ["m6i.large", "m6i.xlarge", "c6i.2xlarge", "r6i.large", "t3.medium"];

    public string Name => "worker";

    public bool UsesCount => true;

    public string[] UnknownOnCreate { get; } = ["arn", "id", "private_ip", "private_dns", "primary_network_interface_id", "public_ip", "instance_state"];

    public string ReplacePath => "ami";

    public string[] Sensitive { get; } = ["user_data"];

    public void WriteValues(Utf8JsonWriter w, Scenario s, int i, Side side, bool changed)
    {
        var created = side == Side.After && s.Actions[i].CreatesNew();
        var replaced = changed && s.Actions[i] is PlanAction.ReplaceCreateFirst or PlanAction.ReplaceDeleteFirst;
        var id = s.PlanInstanceId(i);
        w.WriteStartObject();
        w.WriteString("ami", replaced ? $"ami-0{s.Det.Hex(i, 21, 16)}" : $"ami-0{s.Det.Hex(s.Det.Below(i, 20, 12), 22, 16)}");
        if (!created) w.WriteString("arn", $"arn:aws:ec2:{Scenario.Region}:{Scenario.Account}:instance/{id}");
        w.WriteBoolean("associate_public_ip_address", false);
        w.WriteString("availability_zone", Scenario.Zone(i));
        w.WriteBoolean("disable_api_termination", false);
        w.WriteBoolean("ebs_optimized", true);
        w.WriteString("iam_instance_profile", $"svc-{s.Det.Below(i, 23, Math.Max(1, s.Options.Resources)):D6}-profile");
        if (!created) w.WriteString("id", id);
        w.WriteString("instance_initiated_shutdown_behavior", "stop");
        if (!created) w.WriteString("instance_state", "running");
        var type = Types[s.Det.Below(i, 24, Types.Length)];
        w.WriteString("instance_type", changed && !replaced ? Types[(Array.IndexOf(Types, type) + 1) % Types.Length] : type);
        w.WriteString("key_name", "ops-2024");
        w.WriteStartArray("metadata_options");
        w.WriteStartObject();
        w.WriteString("http_endpoint", "enabled");
        w.WriteNumber("http_put_response_hop_limit", 2);
        w.WriteString("http_tokens", "required");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteBoolean("monitoring", s.Det.Below(i, 25, 2) == 0);
        if (!created)
        {
            w.WriteString("private_dns", $"ip-10-1-{i % 250}-{i / 250 % 250}.{Scenario.Region}.compute.internal");
            w.WriteString("private_ip", $"10.1.{i % 250}.{i / 250 % 250}");
            w.WriteString("primary_network_interface_id", "eni-0" + s.Det.Hex(i, 26, 16));
        }
        w.WriteNull("public_ip");
        w.WriteStartArray("root_block_device");
        w.WriteStartObject();
        w.WriteBoolean("delete_on_termination", true);
        w.WriteString("device_name", "/dev/xvda");
        w.WriteBoolean("encrypted", true);
        w.WriteNumber("iops", 3000);
        w.WriteNumber("volume_size", 50 + 10 * s.Det.Below(i, 32, 10));
        w.WriteString("volume_type", "gp3");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteBoolean("source_dest_check", true);
        w.WriteString("subnet_id", s.SubnetId(i % 3));
        Tags.Write(w, s, i, $"worker-{i}", changed);
        w.WriteString("tenancy", "default");
        w.WriteString("user_data", $"#!/bin/bash\nset -euo pipefail\nexport BOOTSTRAP_TOKEN=SECRET-DO-NOT-PRINT-{s.Det.Hex(i, 33, 24)}\n/opt/app/bootstrap.sh --cluster {Scenario.Cluster} --node-index {i}\n");
        w.WriteBoolean("user_data_replace_on_change", false);
        w.WriteStartArray("vpc_security_group_ids");
        w.WriteStringValue(s.SecurityGroupId(s.Det.Below(i, 34, 500)));
        w.WriteStringValue(s.NodeSecurityGroupId);
        w.WriteEndArray();
        w.WriteNull("timeouts");
        w.WriteEndObject();
    }
}
