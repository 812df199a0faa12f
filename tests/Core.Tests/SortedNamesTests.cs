using Kalc.Iac.Core;

namespace Kalc.Iac.Core.Tests;

public class SortedNamesTests
{
    private static KeyValuePair<string, int>[] Entries(params string[] names) => [.. names.Select((n, i) => KeyValuePair.Create(n, i))];

    [Fact]
    public void Maps_with_the_same_names_share_one_names_array_even_when_the_names_are_other_strings()
    {
        // The names of a second read are equal strings, not the same ones (new string copies them).
        var first = SortedNames.Of<int>(Entries("arn", "id", "shape-test-name"));
        var second = SortedNames.Of<int>(Entries(new string("arn".AsSpan()), new string("id".AsSpan()), new string("shape-test-name".AsSpan())));

        Assert.Same(first, second);
        Assert.Equal(["arn", "id", "shape-test-name"], first);
    }

    [Fact]
    public void Maps_with_other_names_or_fewer_names_get_their_own_array()
    {
        var abc = SortedNames.Of<int>(Entries("a-shape", "b-shape", "c-shape"));

        Assert.NotSame(abc, SortedNames.Of<int>(Entries("a-shape", "b-shape")));
        Assert.NotSame(abc, SortedNames.Of<int>(Entries("a-shape", "b-shape", "d-shape")));
        Assert.Empty(SortedNames.Of<int>([]));
    }

    [Fact]
    public void A_map_of_many_names_keeps_its_own_array_with_all_of_them()
    {
        var names = Enumerable.Range(0, 100).Select(i => $"n{i:D3}").ToArray();

        var first = SortedNames.Of<int>(Entries(names));
        var second = SortedNames.Of<int>(Entries(names));

        Assert.Equal(names, first);
        Assert.NotSame(first, second);
    }

    [Fact]
    public void Dictionaries_of_the_same_tag_keys_answer_from_their_own_values()
    {
        var a = SortedNameDictionary<string>.From([KeyValuePair.Create("team", "a"), KeyValuePair.Create("env", "prod")]);
        var b = SortedNameDictionary<string>.From([KeyValuePair.Create("env", "dev"), KeyValuePair.Create("team", "b")]);

        Assert.Equal(("a", "prod"), (a["team"], a["env"]));
        Assert.Equal(("b", "dev"), (b["team"], b["env"]));
        Assert.Equal(["env", "team"], b.Keys);
        Assert.False(a.ContainsKey("Name"));
    }
}
