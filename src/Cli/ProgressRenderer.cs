using Kalc.Iac.Core.Live;

namespace Kalc.Iac.Cli;

/// <summary>Shows live-read progress on stderr: one updating line on a terminal, plain lines in CI, nothing with --quiet.</summary>
internal sealed class ProgressRenderer : IProgress<ReadProgress>
{
    private readonly TextWriter err;
    private readonly bool interactive;
    private readonly object gate = new();
    private int tick;

    public ProgressRenderer(TextWriter err, bool interactive)
    {
        this.err = err;
        this.interactive = interactive;
    }

    public static IProgress<ReadProgress>? For(CliOptions o, CliIo io) => For(o.Quiet, io);

    public static IProgress<ReadProgress>? For(bool quiet, CliIo io) =>
        quiet ? null : new ProgressRenderer(io.Err, !io.StderrRedirected && io.Env("CI") is null);

    public void Report(ReadProgress value)
    {
        lock (gate)
        {
            var what = value.Stage switch
            {
                ReadProgressStage.Started => $"reading {value.Call}",
                ReadProgressStage.Page => $"reading {value.Call}: {value.Pages} page(s), {value.Items} item(s)",
                ReadProgressStage.Done => $"read {value.Call}: {value.Items} item(s)",
                _ => $"failed {value.Call}",
            };
            if (interactive)
            {
                var spin = "|/-\\"[tick++ % 4];
                var line = $"{spin} {what}";
                err.Write("\r" + (line.Length > 79 ? line[..79] : line.PadRight(79)));
                if (value.Stage is ReadProgressStage.Done or ReadProgressStage.Failed) err.Write("\r" + new string(' ', 79) + "\r");
            }
            else if (value.Stage is not ReadProgressStage.Page)
            {
                err.WriteLine("kalc-iac: " + what);
            }
        }
    }
}
