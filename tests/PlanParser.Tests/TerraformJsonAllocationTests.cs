using Kalc.Iac.PlanParser.Terraform.Json;

namespace Kalc.Iac.PlanParser.Tests;

/// <summary>Guards the streaming design without timing anything: reading a plan allocates a small multiple of its
/// size (a DOM of the whole file, or a string copy of it, would blow this bound). Counts the whole process (elements are
/// mapped on a second thread), so it runs alone.</summary>
[CollectionDefinition(nameof(TerraformJsonAllocationTests), DisableParallelization = true)]
[Collection(nameof(TerraformJsonAllocationTests))]
public class TerraformJsonAllocationTests
{
    /// <summary>Every value of every resource kept: the model is about three times the text; a DOM or a UTF-16 copy of
    /// the whole file on top of it would pass five.</summary>
    [Fact]
    public void Reading_a_plan_with_every_value_allocates_less_than_four_times_its_size()
    {
        const string file = "terraform-plans/json/borchero-terraform-plan-comment/7-create-hundreds-tf1.13.5.json";
        var bytes = Fixtures.Bytes(file);
        TerraformJsonPlanReader.Read(bytes, file).Unwrap(); // warm up: JIT and static tables

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var change = TerraformJsonPlanReader.Read(bytes, file).Unwrap();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(300, change.ResourceChanges.Length);
        Assert.True(allocated < 4L * bytes.Length, $"allocated {allocated} bytes reading {bytes.Length}");
    }

    /// <summary>The CLI's case: a large plan from a stream, values kept only for the types analysed (none here). The
    /// plan is never held whole: what is allocated is the model of each change, well under the size of the text.</summary>
    [Fact]
    public void Streaming_a_plan_without_values_allocates_less_than_half_its_size()
    {
        var value = "{" + string.Join(",", Enumerable.Range(0, 60).Select(i => $"\"attribute_{i}\":\"value-{i}-0123456789\"")) + "}";
        var elements = string.Join(",", Enumerable.Range(0, 3000).Select(i =>
            $"{{\"address\":\"t.n[{i}]\",\"type\":\"t\",\"name\":\"n\",\"index\":{i},\"change\":{{\"actions\":[\"update\"],\"before\":{value},\"after\":{value}}}}}"));
        var bytes = System.Text.Encoding.UTF8.GetBytes("{\"format_version\":\"1.2\",\"resource_changes\":[" + elements + "]}");
        var none = new Kalc.Iac.PlanParser.Model.ValueScope(new Dictionary<string, IReadOnlySet<string>?>());
        using (var warm = new MemoryStream(bytes)) TerraformJsonPlanReader.Read(default, warm, "plan.json", none).Unwrap();

        using var stream = new MemoryStream(bytes);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var change = TerraformJsonPlanReader.Read(default, stream, "plan.json", none).Unwrap();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(3000, change.ResourceChanges.Length);
        Assert.True(allocated < bytes.Length / 2, $"allocated {allocated} bytes reading {bytes.Length}");
    }
}
