using System.Runtime;

namespace Kalc.Iac.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // A batch run: collect eagerly so a large plan's peak memory stays close to what is live.
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        return await KalcIacCli.RunAsync(PluginInvocation.Rewrite(args, PluginInvocation.ProcessNames()), CliIo.FromConsole(), cts.Token).ConfigureAwait(false);
    }
}
