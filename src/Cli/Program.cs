using Kalc.Iac.Core;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Kalc.Iac.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Past `ulimit -f`, let the write fail with EFBIG (an error naming the file) instead of the signal killing the
        // run; done first, before anything can write.
        FileSizeSignal.IgnoreIt();
        // The runtime has rehydrated the binary's start-up data: its source pages are not read again.
        StartupData.ReleaseDehydrated();
        // A batch run: collect eagerly so a large plan's peak memory stays close to what is live.
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        using var cts = new CancellationTokenSource();
        // Ctrl-C and SIGTERM end the run at once with the shell's codes, even while a read blocks (a FIFO, a slow
        // stdin) where no cancellation token is looked at; a report being written is left unwritten.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Stop(c, cts, ExitCodes.Interrupted, "interrupted"));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Stop(c, cts, ExitCodes.Terminated, "terminated"));
        return await KalcIacCli.RunAsync(PluginInvocation.Rewrite(args, PluginInvocation.ProcessNames()), CliIo.FromConsole(), cts.Token).ConfigureAwait(false);
    }

    private static void Stop(PosixSignalContext context, CancellationTokenSource cts, int code, string what)
    {
        context.Cancel = true;
        cts.Cancel();
        OutputFile.RemovePending();
        try
        {
            Console.Error.WriteLine("kalc-iac: " + what);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // stderr is closed: the exit code says it.
        }
        Environment.Exit(code);
    }
}
