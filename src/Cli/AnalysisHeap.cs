using System.Runtime;
using Kalc.Iac.Core;

namespace Kalc.Iac.Cli;

/// <summary>Keeps the garbage collector out of the run, up to a budget. Nearly everything a run allocates lives until the
/// report is written: the model of the plan and the state, then the projected world, the mapped changes, the judgements
/// and the findings. A collection walks and compacts that model to reclaim little (on the 97 MB bench plan, 10 MiB of
/// 136 MiB read; a full one while reading or analysing takes ~0.2-0.3 s). So the run allocates in a no-GC region
/// (https://learn.microsoft.com/dotnet/api/system.gc.trystartnogcregion): from the start when the size of the inputs is
/// known (files, not stdin or live reads; <see cref="ReadBudgetBytes"/>), else from the analysis on, sized from the number
/// of changes (<see cref="BudgetBytes"/>). If the run allocates more than the budget, the region ends and the collector
/// resumes as usual. Asking for more than is used costs nothing: the region reserves address space, and memory is only
/// touched as it is allocated. The cost is the garbage a collection would have reclaimed (docs/performance.md).</summary>
internal sealed class AnalysisHeap : IDisposable
{
    /// <summary>The budget of a small change: the analysis of the state alone (topology, footprint, permissions).</summary>
    public const long BaseBytes = 64L << 20;

    /// <summary>What the analysis allocates per resource change, with room: mapping, projecting and judging it, and its line
    /// in the report when it is not analysed (~1.3 KiB each on the 65,000-change bench plan, KALC_TIMINGS).</summary>
    public const long BytesPerChange = 2L << 10;

    /// <summary>What a whole run allocates per byte of input, with room (~1.5 on the bench: 231 MiB for 157 MB of plan and
    /// state).</summary>
    public const long BytesPerInputByte = 3;

    /// <summary>The largest budget asked for: beyond it the collector runs as usual.</summary>
    public const long MaxBudgetBytes = 4L << 30;

    /// <summary>The budget for the analysis of <paramref name="changes"/> resource changes.</summary>
    public static long BudgetBytes(int changes) => BaseBytes + changes * BytesPerChange;

    /// <summary>The budget for a whole run whose inputs are <paramref name="inputBytes"/> long.</summary>
    public static long ReadBudgetBytes(long inputBytes) => BaseBytes + inputBytes * BytesPerInputByte;

    private readonly bool _entered;

    private AnalysisHeap(bool entered) => _entered = entered;

    /// <summary>Starts a region for the analysis of <paramref name="changes"/> changes, unless one is open already.</summary>
    public static AnalysisHeap Enter(int changes) => EnterWith(BudgetBytes(changes));

    /// <summary>Starts a region for the whole run when the size of its inputs is known (null: it is not).</summary>
    public static AnalysisHeap EnterForRead(long? inputBytes) =>
        inputBytes is { } bytes ? EnterWith(ReadBudgetBytes(bytes)) : new AnalysisHeap(false);

    /// <summary>Starts the region. When it cannot (one is open already, as in tests or when the read opened it; the budget
    /// is more than the heap may have), the run goes on with the collector as usual.</summary>
    private static AnalysisHeap EnterWith(long budget)
    {
        // Asking again while a region is open throws, and ends the open one: do not ask.
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion || budget > MaxBudgetBytes) return new AnalysisHeap(false);
        try
        {
            // disallowFullBlockingGC: make room without collecting, or do not start at all.
            if (!GC.TryStartNoGCRegion(budget, disallowFullBlockingGC: true)) return new AnalysisHeap(false);
            // The region's memory is committed now, in large blocks, and not yet touched: back it with huge pages, one
            // page fault per 2 MiB instead of per 4 KiB (HugePages). An array allocated now lies in the heap meant.
            HugePages.AdviseHeapOf(new byte[16]);
            return new AnalysisHeap(true);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentOutOfRangeException)
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
            // The run outgrew the budget (or another run ended the region): the collector already resumed.
        }
    }
}
