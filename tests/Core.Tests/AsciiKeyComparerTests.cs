using System.Text;

namespace Kalc.Iac.Core.Tests;

public class AsciiKeyComparerTests
{
    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/node")]
    [InlineData("")]
    [InlineData("x")]
    public void An_ascii_key_is_found_by_its_utf8_bytes_whatever_its_length(string key)
    {
        foreach (var text in new[] { key, key + new string('k', 300), key + new string('k', 5000) })
        {
            var pool = new Dictionary<string, int>(AsciiKeyComparer.Instance) { [text] = 1 };

            Assert.True(pool.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(Encoding.UTF8.GetBytes(text), out var found));
            Assert.Equal(1, found);
        }
    }

    [Fact]
    public void Bytes_that_are_not_the_key_or_not_ascii_are_not_found()
    {
        var pool = new Dictionary<string, int>(AsciiKeyComparer.Instance) { ["caf"] = 1, ["abc"] = 2 };
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<byte>>();

        Assert.False(lookup.TryGetValue("café"u8, out _));
        Assert.False(lookup.TryGetValue("abd"u8, out _));
        Assert.False(lookup.TryGetValue([0x61, 0x62, 0x63, 0x80], out _));
    }

    [Fact]
    public void A_key_added_through_its_bytes_is_the_string_of_them()
    {
        var pool = new Dictionary<string, int>(AsciiKeyComparer.Instance);

        Assert.True(pool.GetAlternateLookup<ReadOnlySpan<byte>>().TryAdd("sg-0abc"u8, 7));
        Assert.Equal(7, pool["sg-0abc"]);
    }
}
