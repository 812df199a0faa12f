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
                Assert.True(j.ValuesComplete);
                // Text hides unchanged attributes, blocks and set elements: what it shows must be part of what JSON holds.
                Assert.True(t.ValuesComplete ? Equals(t.Before, Trimmed(j.Before, t.Before)) : PlanValueCover.Covers(t.Before, j.Before), $"before of {t.Address}: {t.Before} vs {j.Before}");
                Assert.True(t.ValuesComplete ? Equals(t.After, Trimmed(j.After, t.After)) : PlanValueCover.Covers(t.After, j.After), $"after of {t.Address}: {t.After} vs {j.After}");
            }
            var generated = plan.Resources.ToDictionary(r => r.Address, StringComparer.Ordinal);
            foreach (var t in text.Value.ResourceChanges) Assert.Equal(generated[t.Address].TextShowsEverything, t.ValuesComplete);
            Assert.DoesNotContain(TerraformJsonRenderer.SecretPlaceholder, string.Join("|", json.Value.ResourceChanges.Select(c => c.Before + " " + c.After)));
        }, iter: 300, print: plan => TerraformJsonRenderer.AsText(TerraformJsonRenderer.Render(plan)) + "\n" + TerraformTextRenderer.Render(plan));
    }

    /// <summary>JSON's top-level object cut to the attributes the text printed (text leaves out unchanged ones it
    /// always shows in full, e.g. unchanged attributes printed without a marker stay; nothing else differs).</summary>
    private static Model.PlanValue Trimmed(Model.PlanValue json, Model.PlanValue text) =>
        json is Model.PlanObject j && text is Model.PlanObject t
            ? new Model.PlanObject(Model.PlanPropertyDictionary.From(j.Properties.Where(kv => t.Properties.ContainsKey(kv.Key))))
            : json;
}
