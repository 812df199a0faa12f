using System.Text;
using System.Text.Json;
using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.PlanParser.Terraform.Json;

namespace Kalc.Iac.PlanParser.Tests;

/// <summary>Sensitive values never reach the model; unknown values are values of their own.</summary>
public class TerraformJsonValueTests
{
    private static Change Read(string file) => TerraformJsonPlanReader.Read(Fixtures.Bytes(file), file).Unwrap();

    [Theory]
    [InlineData("terraform-plans/json/borchero-terraform-plan-comment/1-modify-tf1.13.5.json", "local_file.test", "content")]
    [InlineData("terraform-plans/json/opentofu-opentofu/show-json-sensitive-values.json", "test_instance.test", "ami")]
    [InlineData("terraform-plans/json/ovsds-tf-plan-format/sensitive-replace-tf1.7.5.json", "random_bytes.test", "base64")]
    public void A_sensitive_attribute_is_kept_as_sensitive_and_its_value_appears_nowhere_in_the_model(string file, string address, string attribute)
    {
        var secret = SecretIn(file, address, attribute);
        var change = Read(file);
        var rc = Assert.Single(change.ResourceChanges, r => r.Address == address);

        Assert.True(rc.After[attribute].IsSensitive || rc.Before[attribute].IsSensitive);
        Assert.DoesNotContain(secret, ModelText.Of(change), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sensitive_value_nested_in_a_list_of_blocks_is_redacted_and_its_siblings_kept()
    {
        var change = Read("terraform-plans/synthetic/deposed-and-replace-fmt1.2.json");
        var role = change.ResourceChanges[2];
        var block = role.After["inline_policy"].AsList()[0];

        Assert.True(block["policy"].IsSensitive);
        Assert.Equal("bootstrap", block["name"].AsString());
        Assert.DoesNotContain("hunter2", ModelText.Of(change), StringComparison.Ordinal);
    }

    [Fact]
    public void Attributes_known_only_after_apply_are_unknown_even_when_after_leaves_them_out()
    {
        var rc = Read("terraform-plans/synthetic/deposed-and-replace-fmt1.2.json").ResourceChanges[0];

        Assert.True(rc.After["arn"].IsUnknown);
        Assert.True(rc.After["unique_id"].IsUnknown);
        Assert.Equal("eks-node-role", rc.After["role"].AsString());
        Assert.Equal("arn:aws:iam::111122223333:instance-profile/eks-node", rc.Before["arn"].AsString());
    }

    [Fact]
    public void A_whole_unknown_after_value_is_unknown()
    {
        var plan = """
            {"format_version":"1.2","resource_changes":[{"address":"x.y","type":"x","name":"y","mode":"managed",
             "change":{"actions":["create"],"before":null,"after":null,"after_unknown":true}}]}
            """u8.ToArray();

        var rc = Assert.Single(TerraformJsonPlanReader.Read(plan, "p.json").Unwrap().ResourceChanges);

        Assert.True(rc.After.IsUnknown);
        Assert.True(rc.Before.IsNull);
    }

    [Fact]
    public void Numbers_keep_their_exact_text()
    {
        var rc = Assert.Single(Read("terraform-plans/json/hashicorp-terraform-json/numerics-tf1.6.5.json").ResourceChanges);
        var numbers = ModelText.Leaves(rc.After).OfType<PlanNumber>().Select(n => n.Text).ToList();

        Assert.Contains("1.23", numbers);
    }

    private static string SecretIn(string file, string address, string attribute)
    {
        using var doc = JsonDocument.Parse(Fixtures.Bytes(file));
        foreach (var rc in doc.RootElement.GetProperty("resource_changes").EnumerateArray())
        {
            if (rc.GetProperty("address").GetString() != address) continue;
            var change = rc.GetProperty("change");
            foreach (var side in new[] { "after", "before" })
                if (change.GetProperty(side) is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty(attribute, out var s) && s.ValueKind == JsonValueKind.String)
                    return s.GetString()!;
        }
        throw new InvalidOperationException($"{file} has no {address}.{attribute}");
    }

    [Fact]
    public void The_same_escaped_policy_on_many_roles_is_one_string_and_reads_unescaped()
    {
        const string policy = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"Service\\\":\\\"ec2.amazonaws.com\\\"},\\\"Action\\\":\\\"sts:AssumeRole\\\"}]}";
        var roles = Enumerable.Range(0, 3).Select(i =>
            $$$"""{"address":"aws_iam_role.r{{{i}}}","type":"aws_iam_role","name":"r{{{i}}}","change":{"actions":["delete"],"before":{"name":"r{{{i}}}","assume_role_policy":"{{{policy}}}"},"after":null}}""");
        var plan = Encoding.UTF8.GetBytes($$"""{"format_version":"1.2","resource_changes":[{{string.Join(",", roles)}}]}""");

        var changes = TerraformJsonPlanReader.Read(plan, "p.json").Unwrap().ResourceChanges;

        var texts = changes.Select(c => c.Before["assume_role_policy"].AsString()).ToList();
        Assert.All(texts, t => Assert.Equal("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""", t));
        Assert.Same(changes[0].Before["assume_role_policy"], changes[2].Before["assume_role_policy"]);
    }

    [Fact]
    public void An_update_shares_the_attributes_it_repeats_unmasked_and_builds_the_rest_from_its_after_side()
    {
        const string change = """
            {"actions":["update"],
             "before":{"arn":"ARN","name":"r","id":"r","assume_role_policy":"{}","tags":{"a":"1"},"path":"/a/"},
             "after":{"arn":"ARN","name":"r","id":"r","assume_role_policy":"{\"v\":2}","tags":{"a":"1"},"path":"/a/"},
             "after_unknown":{"id":true},
             "before_sensitive":{"path":true},
             "after_sensitive":{"name":true,"tags":{"a":true}}}
            """;
        // An ARN longer than the strings the reader shares by their text (4 KiB): only the sharing of sides makes it one.
        var arn = "arn:aws:iam::1:role/" + new string('r', 5000);
        var plan = Encoding.UTF8.GetBytes($$"""{"format_version":"1.2","resource_changes":[{"address":"aws_iam_role.r","type":"aws_iam_role","name":"r","change":{{change.Replace("ARN", arn)}}}]}""");
        var scope = new ValueScope(new Dictionary<string, IReadOnlySet<string>?>
        {
            ["aws_iam_role"] = new HashSet<string>(["arn", "name", "id", "assume_role_policy", "tags", "path"]),
        });

        var rc = Assert.Single(TerraformJsonPlanReader.Read(plan, "p.json", scope).Unwrap().ResourceChanges);

        Assert.Same(rc.Before["arn"], rc.After["arn"]);
        Assert.Equal(arn, rc.After["arn"].AsString());
        Assert.Equal("r", rc.Before["name"].AsString());
        Assert.True(rc.After["name"].IsSensitive);
        Assert.True(rc.After["id"].IsUnknown);
        Assert.Equal("{\"v\":2}", rc.After["assume_role_policy"].AsString());
        Assert.True(rc.After["tags"]["a"].IsSensitive);
        Assert.Equal("1", rc.Before["tags"]["a"].AsString());
        Assert.True(rc.Before["path"].IsSensitive);
        Assert.Equal("/a/", rc.After["path"].AsString());
    }

    [Fact]
    public void A_string_longer_than_those_shared_is_read_whole_each_time()
    {
        var longText = string.Concat(Enumerable.Repeat("\\u00e9t\\u00e9 ", 2000));
        var plan = Encoding.UTF8.GetBytes($$$"""{"format_version":"1.2","resource_changes":[{"address":"x.a","type":"x","name":"a","change":{"actions":["delete"],"before":{"v":"{{{longText}}}"},"after":null}},{"address":"x.b","type":"x","name":"b","change":{"actions":["delete"],"before":{"v":"{{{longText}}}"},"after":null}}]}""");

        var changes = TerraformJsonPlanReader.Read(plan, "p.json").Unwrap().ResourceChanges;

        Assert.All(changes, c => Assert.Equal(string.Concat(Enumerable.Repeat("été ", 2000)), c.Before["v"].AsString()));
    }
}
