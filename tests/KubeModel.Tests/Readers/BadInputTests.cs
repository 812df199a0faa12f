using System.Text;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Readers;

namespace Kalc.Iac.KubeModel.Tests.Readers;

/// <summary>Bad input ends in one error naming the file, fast; never a hang, a stack overflow or a partial state.</summary>
public sealed class BadInputTests
{
    private static InputError Error(string file, byte[] bytes)
    {
        var r = KubeStateReader.Read([("good.yaml", "{apiVersion: v1, kind: ServiceAccount, metadata: {name: a}}"u8.ToArray()), (file, bytes)]);
        Assert.False(r.IsOk);
        Assert.Equal(file, r.Error.File);
        return r.Error;
    }

    private static InputError Error(string file, string text) => Error(file, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void A_billion_laughs_alias_bomb_is_refused()
    {
        var bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var c = 'b'; c <= 'i'; c++)
            bomb.Append(c).Append(": &").Append(c).Append(" [").Append(string.Join(",", Enumerable.Repeat("*" + (char)(c - 1), 9))).Append("]\n");
        var e = Error("bomb.yaml", bomb.ToString());
        Assert.Contains("alias bomb", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    [InlineData("- ", "")]
    public void Yaml_nested_100k_deep_is_refused(string open, string close)
    {
        var deep = string.Concat(Enumerable.Repeat(open, 100_000)) + "x" + string.Concat(Enumerable.Repeat(close, 100_000));
        var e = Error("deep.yaml", deep);
        Assert.Contains("nested deeper than 256", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_nested_100k_deep_is_refused()
    {
        var deep = "{\"kind\":\"List\",\"items\":[" + new string('[', 100_000) + new string(']', 100_000) + "]}";
        var e = Error("deep.json", deep);
        Assert.Contains("depth", e.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_huge_scalar_is_fine()
    {
        var big = new string('x', 1_000_000);
        var r = KubeStateReader.Read([("cm.yaml", Encoding.UTF8.GetBytes($"kind: ConfigMap\nmetadata: {{name: big}}\ndata:\n  blob: {big}\n"))]);
        Assert.Equal(1_000_000, Assert.Single(r.Value!.ConfigMaps).Data["blob"].Length);
    }

    [Fact]
    public void Invalid_utf8_is_an_error()
    {
        Assert.Contains("not valid UTF-8", Error("bad.yaml", [(byte)'k', (byte)':', (byte)' ', 0xC3, 0x28]).Reason, StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", Error("bad.json", [(byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}']).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_content_is_an_error() =>
        Assert.Contains("binary", Error("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]).Reason, StringComparison.Ordinal);

    [Fact]
    public void Broken_yaml_is_an_error_with_its_line()
    {
        var e = Error("broken.yaml", "kind: Pod\nmetadata:\n  name: a\n   bad: [\n");
        Assert.StartsWith("not valid YAML", e.Reason, StringComparison.Ordinal);
        Assert.NotNull(e.Line);
    }

    [Fact]
    public void A_document_that_is_not_a_kubernetes_object_is_an_error()
    {
        Assert.Contains("no \"kind\"", Error("values.yaml", "replicaCount: 1\nimage: nginx\n").Reason, StringComparison.Ordinal);
        Assert.Contains("not a Kubernetes object", Error("s.yaml", "just text\n").Reason, StringComparison.Ordinal);
        Assert.Contains("no metadata.name", Error("n.json", """{"kind":"Node","metadata":{}}""").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        Assert.Contains("empty", Error("empty.yaml", "# only a comment\n").Reason, StringComparison.Ordinal);
        Assert.Contains("empty", Error("empty.json", " \n").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_to_an_unknown_anchor_is_an_error() =>
        Assert.StartsWith("not valid YAML", Error("alias.yaml", "kind: ConfigMap\nmetadata: {name: *nope}\n").Reason, StringComparison.Ordinal);

    [Fact]
    public void A_missing_path_is_an_error_naming_it()
    {
        var r = KubeStateDirectory.Read("/nonexistent/kalc/state");
        Assert.Equal("/nonexistent/kalc/state", r.Error!.File);
    }

    [Fact]
    public void A_lone_surrogate_escape_is_an_error()
    {
        Assert.Contains("UTF-16", Error("s.json", """{"kind":"ServiceAccount","metadata":{"name":"\uD800"}}""").Reason, StringComparison.Ordinal);
        Assert.Contains("UTF-16", Error("k.json", """{"kind":"\uD800","items":[]}""").Reason, StringComparison.Ordinal);
        Assert.StartsWith("not valid YAML", Error("y.yaml", "kind: \"\\uD800\"\nmetadata: {name: a}\n").Reason, StringComparison.Ordinal);
    }
}
