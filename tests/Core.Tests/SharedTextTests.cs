using System.Text;

namespace Kalc.Iac.Core.Tests;

/// <summary>Long texts (policy documents) read by different readers and threads are one string for the process.</summary>
public sealed class SharedTextTests
{
    private static readonly string Document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":\"arn:aws:s3:::shared-text-test/*\"}]}";

    [Fact]
    public void A_long_text_met_twice_is_the_same_string()
    {
        var utf8 = Encoding.UTF8.GetBytes(Document);
        Assert.True(SharedText.Takes(utf8));

        var first = SharedText.Of(utf8);
        var second = SharedText.Of(utf8.ToArray());

        Assert.Equal(Document, first);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task A_text_met_on_another_thread_is_the_same_string()
    {
        var utf8 = Encoding.UTF8.GetBytes(Document.Replace("GetObject", "ListBucket", StringComparison.Ordinal));
        var mine = SharedText.Of(utf8);
        var theirs = await Task.Run(() => SharedText.Of(utf8.ToArray()));
        Assert.Same(mine, theirs);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/short")]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::bucket-with-a-long-name-über-allem/*\",\"Sid\":\"non-ascii-is-not-pooled-here\"}]}")]
    public void Short_or_non_ascii_text_is_left_to_each_reader(string text) =>
        Assert.False(SharedText.Takes(Encoding.UTF8.GetBytes(text)));
}
