using System.Text;
using CsCheck;
using Kalc.Iac.KubeModel.Readers;

namespace Kalc.Iac.KubeModel.Tests.Readers;

/// <summary>Whatever the bytes, the reader answers with a state or an error naming the file: never an exception.</summary>
public sealed class ArbitraryInputTests
{
    private static readonly string[] Pieces =
    [
        "kind: ", "Node", "Pod", "List", "ConfigMap", "\n", "  ", "- ", "---\n", "&a ", "*a", "<<: ", "{", "}", "[", "]", ",", ": ", "\"", "'",
        "metadata:\n  name: x\n", "items:\n", "data:\n  mapRoles: |\n    - rolearn: r\n", "!!str ", "? ", "|\n", ">\n", "#c\n", "\t", "%YAML 1.2\n",
    ];

    private static void ParseResultOf(string file, byte[] bytes, out Kalc.Iac.Core.ParseResult<Kalc.Iac.KubeModel.Model.KubeState> r)
    {
        try { r = KubeStateReader.Read([(file, bytes)]); }
        catch (Exception e) { throw new InvalidOperationException("INPUT<<" + Encoding.UTF8.GetString(bytes) + ">>", e); }
    }

    private static void AssertAnswers(string file, byte[] bytes)
    {
        ParseResultOf(file, bytes, out var r);
        if (!r.IsOk) Assert.Equal(file, r.Error.File);
    }

    private static readonly string[] Tokens = ["{", "}", "[", "]", ",", ":", "\"kind\"", "\"List\"", "\"items\"", "\"Node\"", "\"metadata\"", "{\"name\":\"n\"}", "1", "null", " "];

    [Fact]
    public void Yaml_made_of_meaningful_pieces_never_throws() =>
        Gen.Int[0, Pieces.Length - 1].Array[0, 40]
            .Select(ix => string.Concat(ix.Select(i => Pieces[i])))
            .Sample(text => AssertAnswers("gen.yaml", Encoding.UTF8.GetBytes(text)), iter: 3000);

    [Fact]
    public void Json_made_of_meaningful_pieces_never_throws() =>
        Gen.Int[0, Tokens.Length - 1].Select(i => Tokens[i])
            .Array[0, 30]
            .Select(string.Concat)
            .Sample(text => AssertAnswers("gen.json", Encoding.UTF8.GetBytes(text)), iter: 3000);

    [Fact]
    public void Random_bytes_never_throw() =>
        Gen.Byte.Array[0, 200].Sample(bytes => AssertAnswers("random.bin", bytes), iter: 2000);
}
