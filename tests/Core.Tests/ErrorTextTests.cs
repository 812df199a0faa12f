using Kalc.Iac.Core;

namespace Kalc.Iac.Core.Tests;

public class ErrorTextTests
{
    [Fact]
    public void Terminal_escapes_and_line_breaks_in_an_error_are_shown_not_obeyed()
    {
        var line = ErrorText.Line("kalc-iac: cr\u001b[2Jeate\nnext\rline");

        Assert.Equal("kalc-iac: cr\\x1B[2Jeate\\nnext\\rline", line);
    }

    [Fact]
    public void Bidi_overrides_and_lone_surrogates_are_escaped_but_real_characters_are_kept()
    {
        var line = ErrorText.Line("a\u202Eb\u2066c \uD800 日本 😀");

        Assert.Equal("a\\u202Eb\\u2066c \\uD800 日本 😀", line);
    }

    [Fact]
    public void A_long_error_line_is_cut_to_the_bound_and_marked()
    {
        var line = ErrorText.Line("x: " + new string('9', 10_000_000));

        Assert.Equal(ErrorText.MaxLine, line.Length);
        Assert.EndsWith("...", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_excerpt_is_a_few_dozen_characters_and_never_ends_in_half_an_escape()
    {
        var excerpt = ErrorText.Excerpt(new string('a', 36) + "\u001b\u001b\u001b");

        Assert.True(excerpt.Length <= ErrorText.MaxExcerpt);
        Assert.Equal(new string('a', 36) + "...", excerpt);
    }

    [Fact]
    public void A_file_name_byte_that_is_not_utf8_shows_as_its_escape() =>
        Assert.Equal("bad\\xFF.json", ErrorText.Line(FileNameBytes.Decode([(byte)'b', (byte)'a', (byte)'d', 0xFF, (byte)'.', (byte)'j', (byte)'s', (byte)'o', (byte)'n'])));
}
