using Kalc.Iac.PlanParser.Terraform.Json;

namespace Kalc.Iac.PlanParser.Tests;

/// <summary>Guards the streaming design without timing anything: reading a plan allocates a small multiple of its
/// size (a DOM of the whole file, or a string copy of it, would blow this bound).</summary>
public class TerraformJsonAllocationTests
{
    [Fact]
    public void Reading_a_plan_allocates_less_than_three_times_its_size()
    {
        const string file = "terraform-plans/json/borchero-terraform-plan-comment/7-create-hundreds-tf1.13.5.json";
        var bytes = Fixtures.Bytes(file);
        TerraformJsonPlanReader.Read(bytes, file).Unwrap(); // warm up: JIT and static tables

        var before = GC.GetAllocatedBytesForCurrentThread();
        var change = TerraformJsonPlanReader.Read(bytes, file).Unwrap();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(300, change.ResourceChanges.Length);
        Assert.True(allocated < 3L * bytes.Length, $"allocated {allocated} bytes reading {bytes.Length}");
    }
}
