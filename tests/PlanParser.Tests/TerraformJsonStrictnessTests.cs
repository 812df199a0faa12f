using System.Text;
using System.Text.Json;
using CsCheck;
using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.PlanParser.Terraform.Json;

namespace Kalc.Iac.PlanParser.Tests;

/// <summary>The plan reader finds where each element of resource_changes ends without tokenizing it, and a worker then
/// parses the element whole: together they must refuse every input System.Text.Json refuses, and say where.</summary>
public class TerraformJsonStrictnessTests
{
    private const string Plan = "terraform-plans/synthetic/deposed-and-replace-fmt1.2.json";

    private static readonly byte[] Damage = "{}[]\",:\\ x0-e.tnf\u0001"u8.ToArray();

    /// <summary>A byte changed, dropped or added anywhere in a real plan: when the result is not JSON, the reader says
    /// so (read whole and streamed through a small buffer), whatever part of the plan it hit.</summary>
    [Fact]
    public void A_damaged_plan_that_is_not_json_is_always_refused()
    {
        var whole = Fixtures.Bytes(Plan);
        Gen.Select(Gen.Int[0, whole.Length - 1], Gen.Int[0, Damage.Length - 1], Gen.Int[0, 2]).Sample((at, with, how) =>
        {
            byte[] bytes = how switch
            {
                0 => [.. whole[..at], Damage[with], .. whole[(at + 1)..]],
                1 => [.. whole[..at], .. whole[(at + 1)..]],
                _ => [.. whole[..at], Damage[with], .. whole[at..]],
            };
            if (IsJson(bytes)) return true;
            var read = TerraformJsonPlanReader.Read(bytes, "plan.json");
            using var rest = new MemoryStream(bytes);
            var streamed = TerraformJsonPlanReader.Read(default, rest, "plan.json", ValueScope.All, 64);
            return !read.IsOk && !streamed.IsOk && read.Error.ToString() == streamed.Error.ToString();
        }, iter: 3000);
    }

    [Theory]
    [InlineData("{\"address\":\"a.b\",\"type\":\"a\",\"name\":\"b\",\"change\":{\"actions\":[\"create\"],\"after\":{\"x\":tru}}}", 1)]
    [InlineData("{\"address\":\"a.b\",\"type\":\"a\",\"name\":\"b\",\"change\":{\"actions\":[\"create\"],\"after\":{\"x\":[1,}}}}", 1)]
    [InlineData("{\"address\":\"a.b\",\"type\":\"a\",\"name\":\"b\",\"change\":{\"actions\":[\"create\"],\n\"after\":{\"x\":\"\\q\"}}}", 2)]
    public void A_syntax_error_inside_an_element_is_reported_at_its_line_and_column(string element, int line)
    {
        var prefix = "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"ok.one\",\"type\":\"ok\",\"name\":\"one\",\"change\":{\"actions\":[\"create\"]}},";
        var bytes = Encoding.UTF8.GetBytes(prefix + element + "]}");

        var error = TerraformJsonPlanReader.Read(bytes, "plan.json").Error!;

        Assert.StartsWith("not valid JSON: ", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Reason, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
        Assert.Equal(PositionOf(bytes), (error.Line, error.Column));
    }

    /// <summary>After resource_changes the rest of the plan is tokenized by a reader that started again at the array's
    /// end: its errors are still placed in the whole input, minified or not.</summary>
    [Theory]
    [InlineData("", "")]
    [InlineData("\n", "\n")]
    [InlineData("\n  ", "\r\n")]
    public void A_syntax_error_after_the_changes_is_reported_at_its_place_in_the_input(string inside, string after)
    {
        var element = "{\"address\":\"ok.one\",\"type\":\"ok\",\"name\":\"one\",\"change\":{\"actions\":[\"create\"]}}";
        var json = "{\"format_version\":\"1.2\"," + after + "\"resource_changes\":[" + inside + element + "," + inside + element + inside + "]," +
                   after + "\"prior_state\":{\"values\":{\"a\":[1,2,,3]}}}";
        var bytes = Encoding.UTF8.GetBytes(json);

        var error = TerraformJsonPlanReader.Read(bytes, "plan.json").Error!;

        Assert.StartsWith("not valid JSON: ", error.Reason, StringComparison.Ordinal);
        Assert.Equal(PositionOf(bytes), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("[{\"address\":\"a.b\",\"type\":\"a\",\"name\":\"b\",\"change\":{\"actions\":[\"create\"]}} {}]", "expected ',' or ']' after an element of resource_changes, found '{'")]
    [InlineData("[\"aws_iam_role.x\"]", "resource_changes[0]: expected an object, found String")]
    [InlineData("[1]", "resource_changes[0]: expected an object, found Number")]
    [InlineData("[{\"address\":\"a\"", "the input ends inside resource_changes[0]")]
    [InlineData("[", "the input ends inside resource_changes")]
    public void A_broken_change_array_says_what_is_wrong(string array, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes("{\"format_version\":\"1.2\",\"resource_changes\":" + array);

        Assert.Contains(expected, TerraformJsonPlanReader.Read(bytes, "plan.json").Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_change_array_and_one_with_spaces_are_read()
    {
        foreach (var array in new[] { "[]", "[ ]", "[\n]", "[ {\"address\":\"a.b\",\"type\":\"a\",\"name\":\"b\",\"change\":{\"actions\":[\"create\"]}} \n]" })
        {
            var bytes = Encoding.UTF8.GetBytes("{\"format_version\":\"1.2\",\"resource_changes\":" + array + ",\"resource_drift\":" + array + "}");
            var change = TerraformJsonPlanReader.Read(bytes, "plan.json").Unwrap();
            Assert.Equal(change.ResourceChanges.Length, change.Drift.Length);
        }
    }

    private static bool IsJson(byte[] bytes)
    {
        try
        {
            using var _ = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 256 });
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Where System.Text.Json, parsing the whole input, puts its first syntax error (1-based).</summary>
    private static (int?, int?) PositionOf(byte[] bytes)
    {
        try
        {
            using var _ = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            return ((int)e.LineNumber! + 1, (int)e.BytePositionInLine! + 1);
        }
        throw new InvalidOperationException("the input is valid JSON");
    }
}
