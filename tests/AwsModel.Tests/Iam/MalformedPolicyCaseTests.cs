using System.Text.Json;
using Kalc.Iac.AwsModel.Iam;

namespace Kalc.Iac.AwsModel.Tests.Iam;

/// <summary>Policy text AWS would reject is an error value that names what is wrong
/// (tests/AwsModel.Tests/Iam/cases/malformed.json).</summary>
public sealed class MalformedPolicyCaseTests
{
    private static readonly Lazy<System.Collections.Immutable.ImmutableSortedDictionary<string, (JsonElement Group, JsonElement Case)>> Cases =
        new(() => CaseData.Load(CaseData.MalformedFile));

    public static TheoryData<string> Ids() => [.. Cases.Value.Keys];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Malformed_policy_is_an_error_naming_the_problem(string id)
    {
        var (group, c) = Cases.Value[id];
        Assert.StartsWith("https://", CaseData.Citation(group, c), StringComparison.Ordinal);
        var text = c.TryGetProperty("text", out var t) ? t.GetString()!
            : c.TryGetProperty("file", out var f) ? File.ReadAllText(RepoFiles.IamPolicyFixture(f.GetString()!))
            : c.GetProperty("json").GetRawText();

        var parsed = PolicyParser.Parse(text, "policy.json");

        Assert.False(parsed.IsOk, $"{id}: parsed although malformed");
        Assert.StartsWith("policy.json", parsed.Error.ToString(), StringComparison.Ordinal);
        Assert.Contains(c.GetProperty("error").GetString()!, parsed.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_input_ends_in_an_error_not_a_stack_overflow()
    {
        var text = new string('[', 100_000) + new string(']', 100_000);

        var parsed = PolicyParser.Parse(text, "deep.json");

        Assert.False(parsed.IsOk);
        Assert.Contains("not valid JSON", parsed.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Url_encoded_policy_text_as_iam_returns_it_parses()
    {
        var text = Uri.EscapeDataString("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}""");

        var parsed = PolicyParser.Parse(text, "encoded");

        Assert.True(parsed.IsOk, parsed.Error?.ToString());
        Assert.Equal("s3:GetObject", parsed.Value.Statements[0].Action.Patterns[0]);
    }

    [Fact]
    public void A_policy_given_as_a_json_string_element_is_parsed_from_its_text()
    {
        using var doc = JsonDocument.Parse("\"{\\\"Statement\\\":[{\\\"Effect\\\":\\\"Deny\\\",\\\"NotAction\\\":\\\"iam:*\\\",\\\"Resource\\\":\\\"*\\\"}]}\"");

        var parsed = PolicyParser.Parse(doc.RootElement, "inline");

        Assert.True(parsed.IsOk, parsed.Error?.ToString());
        Assert.Equal(PolicyDocument.Version2008, parsed.Value.Version);
        Assert.True(parsed.Value.Statements[0].Action.IsNot);
        Assert.Equal(Effect.Deny, parsed.Value.Statements[0].Effect);
    }

    [Fact]
    public void Policy_bytes_in_utf16_with_a_bom_parse_and_binary_bytes_are_an_error()
    {
        var json = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"*"}}""";
        var utf16 = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(json)).ToArray();

        var parsed = PolicyParser.Parse(utf16, "policy-utf16.json");
        var binary = PolicyParser.Parse([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF], "plan.zip");
        var invalid = PolicyParser.Parse([0x7B, 0xC3, 0x28, 0x7D], "bad-utf8.json");

        Assert.True(parsed.IsOk, parsed.Error?.ToString());
        Assert.Equal("ec2:DescribeInstances", parsed.Value.Statements[0].Action.Patterns[0]);
        Assert.Equal("plan.zip: binary content, not text", binary.Error?.ToString());
        Assert.Equal("bad-utf8.json: not valid UTF-8 text", invalid.Error?.ToString());
    }
}
