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
                "pulumi-analyzer" => await PulumiAnalyzerCommand.RunAsync(args[1..], io, ct).ConfigureAwait(false),
                _ when ArgumentParser.TryAnswer(args, io.Out, out var answered) => answered,
                _ => await AnalyzeCommand.RunAsync(args, io, ct).ConfigureAwait(false),
            };
        }
        catch (Exception thrown)
        {
            switch (Cause(thrown))
            {
                case UsageException e:
                    return Fail(io, e.Message);
                case InputException e:
                    return Fail(io, e.Error.ToString());
                case OperationCanceledException:
                    return Fail(io, "cancelled");
                case var e when io.Env("KALC_DEBUG") is null:
                    // A bug, not bad input: still one line and no stack trace, but say how to get one.
                    return Fail(io, $"internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")} (set KALC_DEBUG=1 for details)");
                default:
                    throw;
            }
        }
    }

    /// <summary>What went wrong: work run side by side (<c>Parallel.For</c>, <c>Parallel.Invoke</c>) wraps what it throws
    /// in an <see cref="AggregateException"/>; the first exception inside is the one to report.</summary>
    internal static Exception Cause(Exception thrown) =>
        thrown is AggregateException aggregate && aggregate.Flatten().InnerExceptions is { Count: > 0 } inner ? inner[0] : thrown;

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
