using CsCheck;
using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.PlanParser.Terraform.Text;
using Kalc.Iac.PlanParser.Tests.Generators;

namespace Kalc.Iac.PlanParser.Tests.Text;

public class RoundTripPropertyTests
{
    [Fact]
    public void Any_rendered_plan_reads_back_with_its_addresses_kinds_orders_and_values()
    {
        Gen.Select(PlanGenerator.Plan, Gen.Bool, Gen.Bool).Sample((plan, colour, crlf) =>
        {
            var text = TerraformTextRenderer.Render(plan, colour, crlf);
            var result = TerraformTextPlanReader.Read(text, "generated.txt");

            Assert.True(result.IsOk, result.Error + "\n" + text);
            var read = result.Value.ResourceChanges;
            Assert.Equal(plan.Resources.Select(r => r.Address), read.Select(c => c.Address));
            foreach (var (want, got) in plan.Resources.Zip(read))
            {
                Assert.Equal(want.Actions.ToArray(), got.Actions.ToArray());
                Assert.Equal(want.ReplaceOrder, got.ReplaceOrder);
                Assert.Equal((want.ModuleAddress, want.Type, want.Name, want.Index), (got.ModuleAddress, got.Type, got.Name, got.Index));
                Assert.Equal(want.IsData ? "data" : "managed", got.Mode);
                foreach (var a in want.Attributes.Where(a => !(want.ChangesInPlace && a.HiddenWhenUnchanged)))
                {
                    // A changed set shows only its added and removed elements.
                    if (!got.Before.IsNull) Assert.True(a.HidesElements ? PlanValueCover.Covers(got.Before[a.Name], a.Before) : Equals(a.Before, got.Before[a.Name]), a.Name);
                    if (!got.After.IsNull) Assert.True(a.HidesElements ? PlanValueCover.Covers(got.After[a.Name], a.After) : Equals(a.After, got.After[a.Name]), a.Name);
                }
                Assert.Equal(want.TextShowsEverything, got.ValuesComplete);
                Assert.Equal(want.Attributes.Where(a => a.ForcesReplacement).Select(a => a.Name), got.ReplacePaths);
            }
        }, iter: 300, print: plan => TerraformTextRenderer.Render(plan.Item1));
    }
}
