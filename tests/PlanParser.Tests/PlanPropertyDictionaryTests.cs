using System.Collections.Immutable;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Tests;

public class PlanPropertyDictionaryTests
{
    private static KeyValuePair<string, PlanValue> P(string name, string value) => KeyValuePair.Create(name, (PlanValue)new PlanString(value));

    [Fact]
    public void Attributes_given_in_any_order_are_kept_sorted_by_name()
    {
        var d = PlanPropertyDictionary.From([P("tags", "t"), P("arn", "a"), P("Name", "n"), P("id", "i")]);

        Assert.Equal(["Name", "arn", "id", "tags"], d.Keys);
        Assert.Equal(4, d.Count);
    }

    [Fact]
    public void A_name_given_twice_keeps_its_last_value_as_in_json()
    {
        var d = PlanPropertyDictionary.From([P("b", "first"), P("a", "x"), P("b", "second"), P("b", "third")]);

        Assert.Equal(2, d.Count);
        Assert.Equal(new PlanString("third"), d["b"]);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(9)]
    [InlineData(40)]
    [InlineData(500)]
    public void Every_name_is_found_and_no_other_whether_scanned_or_searched(int count)
    {
        var names = Enumerable.Range(0, count).Select(i => $"attr_{(i * 7919) % count:D4}").ToList();
        var d = PlanPropertyDictionary.From([.. names.Select(n => P(n, n.ToUpperInvariant()))]);

        foreach (var n in names)
        {
            Assert.True(d.TryGetValue(n, out var v));
            Assert.Equal(n.ToUpperInvariant(), v!.AsString());
        }
        Assert.False(d.ContainsKey("attr_"));
        Assert.False(d.ContainsKey("zzz"));
        Assert.False(d.ContainsKey(""));
        Assert.Equal(names.Order(StringComparer.Ordinal), d.Keys);
    }

    [Fact]
    public void A_large_object_with_repeated_names_keeps_the_last_of_each()
    {
        var attributes = Enumerable.Range(0, 100).Select(i => P($"k{i % 40:D2}", $"v{i}")).ToArray();

        var d = PlanPropertyDictionary.From(attributes);

        Assert.Equal(40, d.Count);
        Assert.Equal("v99", d["k19"].AsString());
        Assert.Equal("v80", d["k00"].AsString());
    }

    [Fact]
    public void Objects_with_the_same_attributes_are_equal_whatever_the_order_they_were_built_in()
    {
        var a = new PlanObject(PlanPropertyDictionary.From([P("x", "1"), P("y", "2")]));
        var b = new PlanObject(ImmutableDictionary<string, PlanValue>.Empty.Add("y", new PlanString("2")).Add("x", new PlanString("1")));

        Assert.Equal(a, b);
        Assert.NotEqual(a, new PlanObject(PlanPropertyDictionary.From([P("x", "1")])));
        Assert.Throws<KeyNotFoundException>(() => a.Properties["z"]);
        Assert.True(a["z"].IsNull);
    }

    [Fact]
    public void Objects_of_the_same_attributes_are_equal_also_when_their_names_are_not_shared()
    {
        // Objects of more than 64 attributes keep their own names array: equality compares names, not arrays.
        var names = Enumerable.Range(0, 70).Select(i => $"a{i:D2}").ToArray();
        var a = new PlanObject(PlanPropertyDictionary.From([.. names.Select(n => P(n, n))]));
        var b = new PlanObject(PlanPropertyDictionary.From([.. names.Reverse().Select(n => P(n, n))]));

        Assert.False(a.Properties.SameNamesAs(b.Properties));
        Assert.Equal(a, b);
        Assert.NotEqual(a, new PlanObject(PlanPropertyDictionary.From([.. names.Select(n => P(n, n == "a42" ? "other" : n))])));
    }

    [Fact]
    public void The_default_map_is_the_empty_one()
    {
        var d = default(PlanPropertyDictionary);

        Assert.Empty(d);
        Assert.False(d.TryGetValue("id", out _));
        Assert.Equal(new PlanObject(d), PlanObject.Empty);
    }
}
