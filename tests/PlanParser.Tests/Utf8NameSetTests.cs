using System.Text;
using System.Text.Json;
using Kalc.Iac.PlanParser.Json;

namespace Kalc.Iac.PlanParser.Tests;

public class Utf8NameSetTests
{
    private static readonly Utf8NameSet Wanted = new(["id", "arn", "name", "role", "bucket", "subnet_id", "security_group_id", "ärn"]);

    /// <summary>Each property name of the object, with the wanted name it matches (or null).</summary>
    private static List<(string Property, string? Match)> Matches(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var found = new List<(string, string?)>();
        while (reader.Read())
            if (reader.TokenType == JsonTokenType.PropertyName) found.Add((reader.GetString()!, Wanted.Match(ref reader)));
        return found;
    }

    [Fact]
    public void Only_wanted_names_match_whatever_their_length_and_names_of_the_same_length_are_told_apart()
    {
        var found = Matches("""{"id":1,"ix":2,"arn":3,"abc":4,"role":5,"rolx":6,"name":7,"subnet_id":8,"subnet_ix":9,"a_name_longer_than_any_wanted_one":10,"":11,"security_group_id":12}""");

        Assert.Equal(
            [("id", "id"), ("ix", null), ("arn", "arn"), ("abc", null), ("role", "role"), ("rolx", null), ("name", "name"),
             ("subnet_id", "subnet_id"), ("subnet_ix", null), ("a_name_longer_than_any_wanted_one", null), ("", null),
             ("security_group_id", "security_group_id")],
            found);
    }

    [Fact]
    public void Escaped_and_non_ascii_names_match_by_their_text()
    {
        var found = Matches("""{"\u0069d":1,"ärn":2,"\u00e4rn":3,"b\u0075cket":4}""");

        Assert.Equal([("id", "id"), ("ärn", "ärn"), ("ärn", "ärn"), ("bucket", "bucket")], found);
    }

    [Fact]
    public void An_empty_set_matches_nothing()
    {
        var none = new Utf8NameSet([]);
        var reader = new Utf8JsonReader("""{"id":1}"""u8);
        reader.Read();
        reader.Read();

        Assert.Null(none.Match(ref reader));
    }
}
