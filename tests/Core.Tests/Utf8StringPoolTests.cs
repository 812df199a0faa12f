using System.Text;

namespace Kalc.Iac.Core.Tests;

/// <summary>The readers' string pool: one copy per distinct string, found by its UTF-8 bytes, within its bounds.</summary>
public sealed class Utf8StringPoolTests
{
    [Fact]
    public void A_string_met_again_by_its_bytes_is_the_first_copy()
    {
        var pool = new Utf8StringPool(maxLength: 64, maxCount: 16, clearWhenFull: false);
        var first = pool.Intern("aws_iam_role"u8);
        Assert.Same(first, pool.Intern(Encoding.UTF8.GetBytes("aws_iam_role")));
        Assert.Same(first, pool.Intern(new string("aws_iam_role".AsSpan())));
    }

    [Fact]
    public void A_string_longer_than_the_bound_is_not_pooled()
    {
        var pool = new Utf8StringPool(maxLength: 4, maxCount: 16, clearWhenFull: false);
        Assert.NotSame(pool.Intern("longer"u8), pool.Intern("longer"u8));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_full_pool_stops_taking_strings_or_starts_again(bool clearWhenFull)
    {
        var pool = new Utf8StringPool(maxLength: 64, maxCount: 2, clearWhenFull);
        var a = pool.Intern("a"u8);
        pool.Intern("b"u8);
        var c = pool.Intern("c"u8);
        // Stopped: a is still pooled and c never was. Started again: c is pooled and a is not.
        Assert.Equal(!clearWhenFull, ReferenceEquals(a, pool.Intern("a"u8)));
        Assert.Equal(clearWhenFull, ReferenceEquals(c, pool.Intern("c"u8)));
    }
}
