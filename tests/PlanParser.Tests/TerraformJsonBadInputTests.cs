using System.Text;
using CsCheck;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Detection;
using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.PlanParser.Terraform.Json;

namespace Kalc.Iac.PlanParser.Tests;

/// <summary>Bad input ends in one clear error naming the file, never an exception or a partial plan.</summary>
public class TerraformJsonBadInputTests
{
    private static InputError ErrorOf(byte[] bytes)
    {
        var result = TerraformJsonPlanReader.Read(bytes, "plan.json");
        Assert.False(result.IsOk);
        Assert.Equal("plan.json", result.Error.File);
        Assert.DoesNotContain('\n', result.Error.ToString());
        return result.Error;
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Empty_input_is_an_error(string text) =>
        Assert.Contains("empty", ErrorOf(Encoding.UTF8.GetBytes(text)).Reason, StringComparison.Ordinal);

    [Fact]
    public void Invalid_utf8_is_an_error() =>
        Assert.Contains("UTF-8", ErrorOf([.. "{\"format_version\":\"1.2\",\"x\":\""u8, 0xC3, 0x28, .. "\"}"u8]).Reason, StringComparison.Ordinal);

    [Fact]
    public void Random_binary_bytes_are_an_error()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        bytes[0] = 0;
        ErrorOf(bytes);
    }

    [Fact]
    public void Nesting_a_hundred_thousand_levels_deep_is_a_clean_error()
    {
        var deep = "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"a\",\"change\":{\"before\":" +
                   new string('[', 100_000) + new string(']', 100_000) + "}}]}";

        var error = ErrorOf(Encoding.UTF8.GetBytes(deep));

        Assert.Contains("depth", error.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Terraform_state_is_refused_with_the_command_that_makes_a_plan()
    {
        var state = """{"format_version":"1.0","terraform_version":"1.9.5","values":{"root_module":{"resources":[]}}}"""u8.ToArray();

        Assert.Equal(PlanFormatDetector.StateNotPlan, ErrorOf(state).Reason);
    }

    [Theory]
    [InlineData("""{"hello":"world"}""", "format_version")]
    [InlineData("""[1,2,3]""", "not a JSON object")]
    [InlineData("""{"format_version":"1.2","resource_changes":{}}""", "not an array")]
    [InlineData("""{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","name":"b","change":{"actions":["explode"]}}]}""", "unknown action in change.actions")]
    [InlineData("""{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","name":"b"}]}""", "no change object")]
    [InlineData("""{"format_version":"1.2","resource_changes":[]} trailing""", "JSON")]
    public void Valid_json_that_is_not_a_usable_plan_is_an_error_saying_why(string json, string expected) =>
        Assert.Contains(expected, ErrorOf(Encoding.UTF8.GetBytes(json)).Reason, StringComparison.Ordinal);

    [Theory]
    [InlineData("name")]
    [InlineData("assume_role_policy")]
    public void A_lone_surrogate_escape_in_a_value_that_is_read_is_an_error(string attribute)
    {
        // Short and long (escaped) strings both reach the value cache by their unescaped bytes.
        var padding = attribute == "name" ? "" : new string('x', 100) + "\\n";
        var plan = "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"aws_iam_role.r\",\"type\":\"aws_iam_role\",\"name\":\"r\"," +
                   "\"change\":{\"actions\":[\"delete\"],\"before\":{\"" + attribute + "\":\"" + padding + "\\ud800\"},\"after\":null}}]}";

        Assert.Contains("lone UTF-16 surrogate", ErrorOf(Encoding.UTF8.GetBytes(plan)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_cut_short_at_every_point_gives_an_error_or_a_plan_never_an_exception()
    {
        var whole = Fixtures.Bytes("terraform-plans/synthetic/deposed-and-replace-fmt1.2.json");
        var end = Array.LastIndexOf(whole, (byte)'}') + 1;

        for (var length = 0; length <= whole.Length; length++)
        {
            var result = TerraformJsonPlanReader.Read(whole.AsMemory(0, length), "plan.json");
            Assert.Equal(length >= end, result.IsOk);
            if (!result.IsOk) Assert.Equal("plan.json", result.Error.File);
        }
    }

    [Fact]
    public void Any_prefix_of_any_real_plan_is_an_error_or_a_plan()
    {
        var plans = Fixtures.TerraformJsonPlans().Select(Fixtures.Bytes).Where(b => b.Length < 200_000).ToArray();
        Gen.Select(Gen.Int[0, plans.Length - 1], Gen.Double[0, 1]).Sample((p, fraction) =>
        {
            var bytes = plans[p];
            var result = TerraformJsonPlanReader.Read(bytes.AsMemory(0, (int)(bytes.Length * fraction)), "plan.json");
            return result.IsOk ? result.Value.Kind == InputKind.TerraformJson : result.Error.File == "plan.json";
        }, iter: 300);
    }

    [Fact]
    public void Random_bytes_never_escape_as_an_exception() =>
        Gen.Byte.Array[0, 512].Sample(bytes =>
        {
            var result = TerraformJsonPlanReader.Read(bytes, "plan.json");
            return result.IsOk || result.Error.File == "plan.json";
        }, iter: 2000);
}
