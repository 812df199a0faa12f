using System.Runtime;

namespace Kalc.Iac.Cli;

/// <summary>Keeps the garbage collector out of the analysis, up to a budget. Once the change and the state are read,
/// the model they make lives until the report is written, and the analysis adds a bounded amount to it (the projected
/// world, the mapped changes, the findings), most of which also lives to the end. A full collection at that point
/// walks and compacts the whole model to reclaim little: on the 97 MB bench plan one falls there and takes ~0.2 s of a
/// ~1.1 s run. So the analysis runs in a no-GC region
/// (https://learn.microsoft.com/dotnet/api/system.gc.trystartnogcregion) of <see cref="BudgetBytes"/>: the heap may grow
/// by that much without a collection; if the analysis allocates more, the region ends and the collector resumes as
/// usual. The cost is memory: the heap ends up to the budget larger than a collection would have left it (on the bench
/// ~15 MB more peak; docs/performance.md).</summary>
internal sealed class AnalysisHeap : IDisposable
{
    /// <summary>The analysis allocates ~50-60 MiB for 65,000-100,000 changes and 10,000 instances (KALC_TIMINGS).</summary>
    public const long BudgetBytes = 96L << 20;

    private readonly bool _entered;

    private AnalysisHeap(bool entered) => _entered = entered;

    /// <summary>Starts the region. When it cannot (another run in this process is already in one, as in tests),
    /// the analysis runs with the collector as usual.</summary>
    public static AnalysisHeap Enter()
    {
        // Asking again while a region is open throws, and ends the open one: do not ask.
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) return new AnalysisHeap(false);
        try
        {
            // disallowFullBlockingGC: make room without collecting, or do not start at all.
            return new AnalysisHeap(GC.TryStartNoGCRegion(BudgetBytes, disallowFullBlockingGC: true));
        }
        catch (InvalidOperationException)
        {
            return new AnalysisHeap(false);
        }
    }

    public void Dispose()
    {
        if (!_entered || GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return;
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The analysis outgrew the budget (or another run ended the region): the collector already resumed.
        }
    }
}
