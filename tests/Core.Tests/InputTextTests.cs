using CsCheck;
using System.Text;
using Kalc.Iac.Core;

namespace Kalc.Iac.Core.Tests;

public class InputTextTests
{
    [Fact]
    public void Utf16_with_BOM_from_PowerShell_decodes_to_the_same_text()
    {
        var text = "Plan: 1 to add, 0 to change, 0 to destroy.\r\n";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        Assert.Equal(text, InputText.Decode(bytes, "plan.txt"));
    }

    [Fact]
    public void Utf8_BOM_is_dropped_and_utf16_big_endian_is_transcoded_to_utf8()
    {
        var utf8Bom = new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}' };
        var utf16Be = Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes("{}")).ToArray();

        Assert.Equal("{}"u8.ToArray(), InputText.ToUtf8(utf8Bom, "a").ToArray());
        Assert.Equal("{}"u8.ToArray(), InputText.ToUtf8(utf16Be, "b").ToArray());
    }

    [Fact]
    public void Invalid_utf8_is_an_error_naming_the_file_not_replacement_characters()
    {
        var e = Assert.Throws<InputException>(() => InputText.Decode([0x61, 0xff, 0x62], "bad.txt"));

        Assert.Equal("bad.txt: not valid UTF-8 text", e.Error.ToString());
    }

    [Fact]
    public void Binary_content_is_rejected()
    {
        var e = Assert.Throws<InputException>(() => InputText.Decode([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00], "tfplan"));

        Assert.Contains("binary", e.Error.Reason);
    }

    [Theory]
    [InlineData("\u001b[1m\u001b[32m+\u001b[0m create", "+ create")]
    [InlineData("\u001b]0;title\u0007text", "text")]
    [InlineData("no escapes", "no escapes")]
    public void Ansi_colour_and_terminal_titles_are_stripped(string input, string expected)
    {
        Assert.Equal(expected, InputText.StripAnsi(input));
    }

    [Fact]
    public void Stripping_ansi_from_random_text_never_throws_and_never_leaves_an_escape_introducer_with_its_bracket()
    {
        Gen.String[Gen.Char['\0', '\u007f'], 0, 200].Sample(s =>
        {
            var stripped = InputText.StripAnsi(s);
            return !stripped.Contains("\u001b[", StringComparison.Ordinal) && stripped.Length <= s.Length;
        });
    }
}
