using Kalc.Iac.Core;

namespace Kalc.Iac.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        try
        {
            return args.FirstOrDefault() switch
            {
                "--help" or "-h" or "help" => Print(HelpText.Main),
                "--version" or "version" => Print("kalc-iac " + Reporting.ToolInfo.Version),
                "rules" => RulesCommand.List(Console.Out),
                "explain" => RulesCommand.Explain(args[1..], Console.Out),
                "snapshot" => await SnapshotCommand.RunAsync(args[1..], cts.Token).ConfigureAwait(false),
                _ => await AnalyzeCommand.RunAsync(args, cts.Token).ConfigureAwait(false),
            };
        }
        catch (UsageException e)
        {
            return Fail(e.Message);
        }
        catch (InputException e)
        {
            return Fail(e.Error.ToString());
        }
        catch (OperationCanceledException)
        {
            return Fail("cancelled");
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("KALC_DEBUG") is null)
        {
            // A bug, not bad input: still one line and no stack trace, but say how to get one.
            return Fail($"internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")} (set KALC_DEBUG=1 for details)");
        }
    }

    private static int Print(string text)
    {
        Console.Out.WriteLine(text);
        return ExitCodes.Ok;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("kalc-iac: " + message);
        return ExitCodes.BadInput;
    }
}
