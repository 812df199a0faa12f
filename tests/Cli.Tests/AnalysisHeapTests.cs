using System.Runtime;

namespace Kalc.Iac.Cli.Tests;

/// <summary>The no-GC region is process-wide: these run alone, so no other in-process CLI run opens or ends one meanwhile.</summary>
[CollectionDefinition(nameof(AnalysisHeapTests), DisableParallelization = true)]
public sealed class AnalysisHeapCollection;

[Collection(nameof(AnalysisHeapTests))]
public class AnalysisHeapTests
{
    [Fact]
    public void The_analysis_runs_without_collections_and_the_collector_resumes_after_it()
    {
        using (AnalysisHeap.Enter())
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_second_analysis_in_the_same_process_runs_with_the_collector_instead_of_failing()
    {
        using var first = AnalysisHeap.Enter();
        using (AnalysisHeap.Enter())
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }

        // The inner one did not own the region, so leaving it does not end the outer one's.
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void An_analysis_that_outgrows_the_budget_ends_the_region_and_still_leaves_cleanly()
    {
        var region = AnalysisHeap.Enter();
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        var kept = new List<byte[]>();
        for (long allocated = 0; allocated < AnalysisHeap.BudgetBytes * 2; allocated += 1 << 20) kept.Add(new byte[1 << 20]);

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        region.Dispose();
        GC.KeepAlive(kept);
    }
}
