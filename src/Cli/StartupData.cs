using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kalc.Iac.Cli;

/// <summary>Drops the pages of the Native AOT binary's dehydrated data once the runtime has rehydrated it: ~10 MB of the
/// executable's read-only file mapping that start-up reads once and that otherwise stay resident, and so count in the
/// run's peak memory (<c>Native/startup-data.c</c>, docs/performance.md). Only the Linux Native AOT build links the C
/// function; elsewhere (the JIT build, a dotnet tool, another OS) nothing is done.</summary>
internal static partial class StartupData
{
    /// <summary>The bytes released at start-up (0: none, or not a Linux Native AOT build).</summary>
    public static long Released { get; private set; }

    /// <summary>Releases the dehydrated data's pages; called first in Main, after the runtime's start-up.</summary>
    public static void ReleaseDehydrated()
    {
        if (RuntimeFeature.IsDynamicCodeSupported || !OperatingSystem.IsLinux()) return;
        try
        {
            Released = ReleaseDehydratedData();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A Native AOT build without the object (built for another target or by hand): the pages stay.
        }
    }

    /// <summary>Resolved at link time (Cli.csproj: DirectPInvoke of "kalc-iac-startup" with the object linked).</summary>
    [LibraryImport("kalc-iac-startup", EntryPoint = "kalc_iac_release_dehydrated_data")]
    private static partial long ReleaseDehydratedData();
}
