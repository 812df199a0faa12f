using System.Text.Json;

namespace Kalc.Iac.Bench.Generator.Plan;

/// <summary>aws_s3_bucket (provider v5 shape: configuration blocks moved to their own resources, computed leftovers remain).</summary>
internal sealed class S3BucketShape : IResourceShape
{
    public string Name => "bucket";

    public bool UsesCount => false;

    public string[] UnknownOnCreate { get; } = ["arn", "bucket_domain_name", "bucket_regional_domain_name", "hosted_zone_id", "id", "region"];

    public string ReplacePath => "bucket";

    public string[] Sensitive { get; } = [];

    public void WriteValues(Utf8JsonWriter w, Scenario s, int i, Side side, bool changed)
    {
        var created = side == Side.After && s.Actions[i].CreatesNew();
        var bucket = $"bench-data-{i:D6}-{s.Det.Hex(i, 80, 6)}";
        w.WriteStartObject();
        w.WriteNull("acceleration_status");
        if (!created) w.WriteString("arn", "arn:aws:s3:::" + bucket);
        w.WriteString("bucket", bucket);
        if (!created)
        {
            w.WriteString("bucket_domain_name", bucket + ".s3.amazonaws.com");
            w.WriteString("bucket_regional_domain_name", $"{bucket}.s3.{Scenario.Region}.amazonaws.com");
        }
        w.WriteBoolean("force_destroy", changed);
        if (!created) w.WriteString("hosted_zone_id", "Z1BKCTXD74EZPE");
        if (!created) w.WriteString("id", bucket);
        w.WriteBoolean("object_lock_enabled", false);
        if (!created) w.WriteString("region", Scenario.Region);
        w.WriteString("request_payer", "BucketOwner");
        Tags.Write(w, s, i, bucket, changed);
        w.WriteStartArray("versioning");
        w.WriteStartObject();
        w.WriteBoolean("enabled", true);
        w.WriteBoolean("mfa_delete", false);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteNull("timeouts");
        w.WriteEndObject();
    }
}
