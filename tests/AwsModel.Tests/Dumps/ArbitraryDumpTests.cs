using System.Text;
using CsCheck;
using Kalc.Iac.AwsModel.Dumps;

namespace Kalc.Iac.AwsModel.Tests.Dumps;

/// <summary>Whatever the bytes, the parser answers with a fragment or an error naming the file: never an exception.</summary>
public sealed class ArbitraryDumpTests
{
    private static readonly string[] Tokens = ["{", "}", "[", "]", ",", ":", "\"Reservations\"", "\"Instances\"", "\"InstanceId\"", "\"RoleDetailList\"", "\"RoleName\"",
                "\"Arn\"", "\"Policies\"", "\"PolicyVersionList\"", "\"Document\"", "\"%7B%22a%22\"", "\"State\"", "\"Name\"", "\"cluster\"", "\"name\"",
                "\"NextToken\"", "\"IsTruncated\"", "true", "\"x\"", "1", "null", "\"Url\"", "\"ClientIDList\"", "\"associations\"", "\"associationId\""];

    [Fact]
    public void Json_made_of_aws_cli_pieces_never_throws() =>
        Gen.Int[0, Tokens.Length - 1].Select(i => Tokens[i])
            .Array[0, 40]
            .Select(string.Concat)
            .Sample(text =>
            {
                var r = AwsDumpParser.Parse(Encoding.UTF8.GetBytes(text), "gen.json");
                if (!r.IsOk) Assert.Equal("gen.json", r.Error.File);
            }, iter: 5000);

    [Fact]
    public void Random_bytes_never_throw() =>
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            var r = AwsDumpParser.Parse(bytes, "random.bin");
            if (!r.IsOk) Assert.Equal("random.bin", r.Error.File);
        }, iter: 2000);
}
