using CsCheck;
using Kalc.Iac.PlanParser.Terraform.Json;
using Kalc.Iac.PlanParser.Terraform.Text;
using Kalc.Iac.PlanParser.Tests.Generators;
using Kalc.Iac.PlanParser.Tests.Text;

namespace Kalc.Iac.PlanParser.Tests;

/// <summary>Any generated plan, rendered both as `terraform plan` text and as `terraform show -json`, reads back the
/// same through the two readers: addresses, actions, replace orders, address parts, values, replace paths.</summary>
public class CrossReaderPropertyTests
{
    [Fact]
    public void The_text_and_json_readers_agree_on_any_generated_plan()
    {
        PlanGenerator.Plan.Sample(plan =>
        {
            var json = TerraformJsonPlanReader.Read(TerraformJsonRenderer.Render(plan), "generated.json");
            var text = TerraformTextPlanReader.Read(TerraformTextRenderer.Render(plan), "generated.txt");

            Assert.True(json.IsOk, json.Error?.ToString());
            Assert.True(text.IsOk, text.Error?.ToString());
            Assert.Equal(text.Value.ResourceChanges.Select(c => c.Address), json.Value.ResourceChanges.Select(c => c.Address));
            foreach (var (t, j) in text.Value.ResourceChanges.Zip(json.Value.ResourceChanges))
            {
                Assert.Equal(t.Actions.ToArray(), j.Actions.ToArray());
                Assert.Equal(t.ReplaceOrder, j.ReplaceOrder);
                Assert.Equal((t.ModuleAddress, t.Type, t.Name, t.Index, t.Mode), (j.ModuleAddress, j.Type, j.Name, j.Index, j.Mode));
                Assert.Equal(t.ReplacePaths.ToArray(), j.ReplacePaths.ToArray());
                if (t.Before is Model.PlanObject tb)
                    foreach (var (name, value) in tb.Properties) Assert.Equal(value, j.Before[name]);
                if (t.After is Model.PlanObject ta)
                    foreach (var (name, value) in ta.Properties) Assert.Equal(value, j.After[name]);
            }
            Assert.DoesNotContain(TerraformJsonRenderer.SecretPlaceholder, string.Join("|", json.Value.ResourceChanges.Select(c => c.Before + " " + c.After)));
        }, iter: 300, print: plan => TerraformJsonRenderer.AsText(TerraformJsonRenderer.Render(plan)));
    }
}
