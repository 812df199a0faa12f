using System.Text.Json;
using Kalc.Iac.Core;

namespace Kalc.Iac.Core.Tests;

public class ParseResultTests
{
    [Fact]
    public void An_input_exception_becomes_an_error_value_with_the_file_filled_in()
    {
        var r = ParseResult<int>.Catch("plan.json", () => throw new InputException("resource_changes is not an array"));

        Assert.False(r.IsOk);
        Assert.Equal("plan.json: resource_changes is not an array", r.Error!.ToString());
    }

    [Fact]
    public void A_json_exception_becomes_one_line_with_line_and_column()
    {
        var r = ParseResult<int>.Catch("x.json", () => JsonDocument.Parse("{\n  \"a\": ,\n}").RootElement.GetArrayLength());

        Assert.False(r.IsOk);
        Assert.StartsWith("x.json:2:", r.Error!.ToString());
        Assert.DoesNotContain("\n", r.Error.ToString());
    }

    [Fact]
    public void Unwrap_throws_the_error_back_as_an_input_exception()
    {
        var r = ParseResult<string>.Fail(new InputError("f", "bad", 3, 4));

        var e = Assert.Throws<InputException>(() => r.Unwrap());
        Assert.Equal("f:3:4: bad", e.Error.ToString());
    }

    [Fact]
    public void Known_unknown_says_why()
    {
        var k = Known<string>.Unknown("name is known only after apply");

        Assert.False(k.IsKnown);
        Assert.Equal("(unknown: name is known only after apply)", k.ToString());
    }
}
