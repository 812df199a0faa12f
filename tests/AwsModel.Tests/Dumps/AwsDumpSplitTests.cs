using System.Text.Json;
using CsCheck;
using Kalc.Iac.AwsModel.Dumps;

namespace Kalc.Iac.AwsModel.Tests.Dumps;

/// <summary>A large dump's top-level arrays are parsed item by item (<see cref="AwsDump"/>): that must read exactly what
/// a whole-file parse reads, and refuse exactly what it refuses, with the same error.</summary>
public class AwsDumpSplitTests
{
    public static TheoryData<string> Dumps() =>
        [.. Directory.GetFiles(Path.GetDirectoryName(Fixtures.Path("aws/aws-cli/sts_get-caller-identity.json"))!, "*.json").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Dumps))]
    public void Every_real_dump_read_item_by_item_reads_as_the_whole_file(string name)
    {
        var bytes = Fixtures.Bytes("aws/aws-cli/" + name);

        Assert.Equal(Describe(AwsDumpParser.Parse(bytes, name, int.MaxValue)), Describe(AwsDumpParser.Parse(bytes, name, 0)));
    }

    /// <summary>A byte changed, dropped or added anywhere in real dumps: split or whole, the same fragment or the same error.</summary>
    [Fact]
    public void A_damaged_dump_gives_the_same_error_split_or_whole()
    {
        var dumps = new[] { "ec2_describe-instances_ex1.json", "iam_get-account-authorization-details.json", "iam_list-roles.json", "ec2_describe-security-groups_ex1.repaired.json" }
            .Select(n => Fixtures.Bytes("aws/aws-cli/" + n)).ToArray();
        var damage = "{}[]\",:\\ x0-".Select(c => (byte)c).ToArray();
        Gen.Select(Gen.Int[0, dumps.Length - 1], Gen.Double[0, 1], Gen.Int[0, damage.Length - 1], Gen.Int[0, 2]).Sample((d, where, with, how) =>
        {
            var whole = dumps[d];
            var at = (int)(where * (whole.Length - 1));
            byte[] bytes = how switch
            {
                0 => [.. whole[..at], damage[with], .. whole[(at + 1)..]],
                1 => [.. whole[..at], .. whole[(at + 1)..]],
                _ => [.. whole[..at], damage[with], .. whole[at..]],
            };
            return Describe(AwsDumpParser.Parse(bytes, "d.json", int.MaxValue)) == Describe(AwsDumpParser.Parse(bytes, "d.json", 0));
        }, iter: 2000);
    }

    [Theory]
    [InlineData("ec2_describe-instances_ex1.json", "Reservations")]
    [InlineData("iam_get-account-authorization-details.json", "GroupDetailList,Policies,RoleDetailList,UserDetailList")]
    [InlineData("iam_list-roles.json", "Roles")]
    public void Top_level_arrays_of_objects_are_the_ones_split(string name, string arrays)
    {
        using var dump = AwsDump.Parse(Fixtures.Bytes("aws/aws-cli/" + name), 0);

        Assert.Equal(arrays, string.Join(",", dump.SplitArrays.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void A_small_dump_is_one_document()
    {
        using var dump = AwsDump.Parse(Fixtures.Bytes("aws/aws-cli/ec2_describe-instances_ex1.json"));

        Assert.Empty(dump.SplitArrays);
    }

    [Fact]
    public void Items_of_an_array_no_reader_uses_are_still_checked()
    {
        var json = "{\"RoleDetailList\":[],\"UserDetailList\":[{\"UserName\":\"a\"},{\"UserName\":tru}],\"Policies\":[]}"u8.ToArray();

        var split = AwsDumpParser.Parse(json, "d.json", 0);

        Assert.False(split.IsOk);
        Assert.Equal(AwsDumpParser.Parse(json, "d.json", int.MaxValue).Error, split.Error);
    }

    [Fact]
    public void Items_after_where_a_reader_stopped_are_still_checked()
    {
        using var dump = AwsDump.Parse("{\"Policies\":[{\"PolicyName\":\"a\"},{\"PolicyName\":tru}]}"u8.ToArray(), 0);

        // A reader that stops at the first item it needs (kind detection asks whether any policy has versions).
        Assert.Equal("a", dump.Items("Policies").Select(p => p.GetProperty("PolicyName").GetString()).First());

        Assert.ThrowsAny<JsonException>(dump.CheckUnread);
    }

    private static string Describe(Core.ParseResult<AwsStateFragment> result) =>
        result.IsOk ? JsonSerializer.Serialize(result.Value) : "error: " + result.Error;
}
