using System.Runtime.InteropServices;

namespace Kalc.Iac.Core;

/// <summary>Asks Linux to back a heap mapping with transparent huge pages (madvise(2) MADV_HUGEPAGE). The first write to
/// each 4 KiB page of fresh memory is a page fault; on a virtual machine a fault costs microseconds, and a run that
/// allocates 230 MiB takes ~60,000 of them (a third of the 97 MB bench run's time, docs/performance.md). A 2 MiB page
/// takes one fault for 512. The kernel only forms one where the whole aligned 2 MiB lies inside the mapping, so this
/// helps memory committed in large blocks, as a no-GC region's is. Where transparent huge pages are off
/// (<c>/sys/kernel/mm/transparent_hugepage/enabled</c> = never) or the system is not Linux, it does nothing; any
/// failure leaves the memory as it was.</summary>
public static partial class HugePages
{
    /// <summary>MADV_HUGEPAGE (include/uapi/asm-generic/mman-common.h), the same on every Linux architecture.</summary>
    private const int MadvHugePage = 14;

    /// <summary>Advises the heap that holds <paramref name="probe"/> (an array just allocated in it): the anonymous
    /// mappings around it, side by side (<see cref="ProcessMapping.AnonymousRunAround"/>), reserved parts included, so
    /// that memory committed there later is advised too. Returns the range, or null when nothing was advised.</summary>
    public static (ulong Start, ulong End)? AdviseHeapOf(byte[] probe)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var handle = GCHandle.Alloc(probe, GCHandleType.Pinned);
        ulong address;
        try
        {
            address = (ulong)handle.AddrOfPinnedObject();
        }
        finally
        {
            handle.Free();
        }
        string maps;
        try
        {
            maps = File.ReadAllText("/proc/self/maps");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (ProcessMapping.AnonymousRunAround(maps, address) is not { } run) return null;
        return Advise((nint)run.Start, (nuint)(run.End - run.Start), MadvHugePage) == 0 ? run : null;
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Advise(nint address, nuint length, int advice);
}
