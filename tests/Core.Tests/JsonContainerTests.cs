using System.Text;
using CsCheck;

namespace Kalc.Iac.Core.Tests;

/// <summary>The container scan, 64 bytes at a time, against the byte-by-byte one.</summary>
public class JsonContainerTests
{
    /// <summary>JSON-like text: brackets, strings with escaped quotes and runs of backslashes, and filler, in any
    /// nesting or balance; backslashes only inside strings, as in any JSON.</summary>
    private static readonly Gen<string> Piece = Gen.OneOf<string>(
        Gen.OneOf("{", "}", "[", "]", ",", ":", " ", "\n", "1", "true", "é"),
        Gen.String[Gen.OneOf('a', '{', '}', '[', ']', ' ', 'é'), 0, 70].Select(s => "\"" + s + "\""),
        Gen.Int[0, 5].Select(n => "\"" + new string('\\', 2 * n) + "\""),
        Gen.Int[0, 4].Select(n => "\"x" + new string('\\', 2 * n + 1) + "\"y\""),
        Gen.String[Gen.OneOf('b', ']'), 0, 3].Select(s => "\"" + s + "\\\\\\\"" + s + "\""));

    private static readonly Gen<string> Text = Piece.Array[0, 120].Select(p => string.Concat(p));

    [Fact]
    public void The_block_scan_finds_the_same_end_as_the_byte_scan_for_any_text()
    {
        Gen.Select(Text, Gen.Int[0, 70]).Sample((text, pad) =>
        {
            // Also shifted by a string of `pad` bytes, so that every construct falls across a 64-byte block boundary somewhere.
            var json = Encoding.UTF8.GetBytes("[" + text);
            var shifted = Encoding.UTF8.GetBytes("[\"" + new string('x', pad) + "\"," + text);
            return JsonContainer.Length(json) == JsonContainer.ScalarLength(json) &&
                   JsonContainer.Length(shifted) == JsonContainer.ScalarLength(shifted);
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("""{"a":"}"}""", 9)]
    [InlineData("""["\\"]""", 6)]
    [InlineData("""["\"]"]""", 7)]
    [InlineData("""{"a":[1,2,{"b":"\\\"}"}]}""", 25)]
    [InlineData("""{"open":"never closes}""", -1)]
    [InlineData("""[[[]]""", -1)]
    public void A_container_ends_at_its_closing_bracket_outside_strings(string json, int expected)
    {
        Assert.Equal(expected, JsonContainer.Length(Encoding.UTF8.GetBytes(json)));
        foreach (var pad in new[] { 0, 1, 56, 60, 63, 64, 65, 127 })
        {
            // Inside an array after a long string, so that its parts cross 64-byte block boundaries.
            var text = "[\"" + new string('x', pad) + "\"," + json + "]";
            Assert.Equal(expected < 0 ? -1 : text.Length, JsonContainer.Length(Encoding.UTF8.GetBytes(text)));
        }
    }
}
