using System.Runtime;
using System.Runtime.InteropServices;

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
        using (AnalysisHeap.Enter(changes: 100))
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_second_analysis_in_the_same_process_runs_with_the_collector_instead_of_failing()
    {
        using var first = AnalysisHeap.Enter(changes: 100);
        using (AnalysisHeap.Enter(changes: 100))
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }

        // The inner one did not own the region, so leaving it does not end the outer one's.
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [HugePagesFact]
    public void The_heap_a_region_allocates_in_is_backed_by_huge_pages_where_linux_has_them()
    {
        using (AnalysisHeap.Enter(changes: 100))
        {
            var allocated = new byte[64];
            var handle = GCHandle.Alloc(allocated, GCHandleType.Pinned);
            var address = (ulong)handle.AddrOfPinnedObject();
            handle.Free();

            Assert.Contains("hg", Smaps.FlagsAt(address));
        }
    }

    [Fact]
    public void The_budget_grows_with_the_number_of_changes()
    {
        Assert.True(AnalysisHeap.BudgetBytes(100_000) > AnalysisHeap.BudgetBytes(65_000));
        Assert.True(AnalysisHeap.BudgetBytes(65_000) >= 65_000 * AnalysisHeap.BytesPerChange);
        Assert.Equal(AnalysisHeap.BaseBytes, AnalysisHeap.BudgetBytes(0));
    }

    [Fact]
    public void An_analysis_that_outgrows_the_budget_ends_the_region_and_still_leaves_cleanly()
    {
        var region = AnalysisHeap.Enter(changes: 100);
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        var kept = new List<byte[]>();
        for (long allocated = 0; allocated < AnalysisHeap.BudgetBytes(100) * 2; allocated += 1 << 20) kept.Add(new byte[1 << 20]);

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        region.Dispose();
        GC.KeepAlive(kept);
    }

    [Fact]
    public void A_run_whose_input_size_is_known_allocates_in_a_region_from_the_start_and_one_whose_size_is_not_does_not()
    {
        using (AnalysisHeap.EnterForRead(inputBytes: 1 << 20))
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }
        using (AnalysisHeap.EnterForRead(inputBytes: null))
        {
            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }

        Assert.Equal(AnalysisHeap.BaseBytes + 3 * (100L << 20), AnalysisHeap.ReadBudgetBytes(100L << 20));
    }

    [Fact]
    public void A_budget_beyond_the_largest_leaves_the_collector_on()
    {
        using (AnalysisHeap.EnterForRead(AnalysisHeap.MaxBudgetBytes))
        {
            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }
    }
}
