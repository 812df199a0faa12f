using Kalc.Iac.Core;

namespace Kalc.Iac.Cli;

/// <summary>The whole command line as one call: dispatches the sub-commands and turns every error into one line on
/// stderr and an exit code. Program.Main calls it with the console; tests call it with their own streams.</summary>
public static class KalcIacCli
{
    public static async Task<int> RunAsync(string[] args, CliIo io, CancellationToken ct = default)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "--help" or "-h" or "help" => Print(io, HelpText.Main),
                "--version" or "version" => Print(io, "kalc-iac " + Reporting.ToolInfo.Version),
                "rules" => RulesCommand.List(io.Out),
                "explain" => RulesCommand.Explain(args[1..], io.Out),
                "snapshot" => await SnapshotCommand.RunAsync(args[1..], io, ct).ConfigureAwait(false),
                _ => await AnalyzeCommand.RunAsync(args, io, ct).ConfigureAwait(false),
            };
        }
        catch (UsageException e)
        {
            return Fail(io, e.Message);
        }
        catch (InputException e)
        {
            return Fail(io, e.Error.ToString());
        }
        catch (OperationCanceledException)
        {
            return Fail(io, "cancelled");
        }
        catch (Exception e) when (io.Env("KALC_DEBUG") is null)
        {
            // A bug, not bad input: still one line and no stack trace, but say how to get one.
            return Fail(io, $"internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")} (set KALC_DEBUG=1 for details)");
        }
    }

    private static int Print(CliIo io, string text)
    {
        io.Out.WriteLine(text);
        return ExitCodes.Ok;
    }

    private static int Fail(CliIo io, string message)
    {
        io.Err.WriteLine("kalc-iac: " + message.ReplaceLineEndings(" "));
        return ExitCodes.BadInput;
    }
}
