namespace Kalc.Iac.Core.Live;

/// <summary>Renders progress as plain lines (for CI logs and non-TTY stderr): one line when a call starts
/// pages, and one when it ends. Pages in between are not printed, to keep logs short.</summary>
public sealed class PlainProgressWriter(TextWriter writer) : IProgress<ReadProgress>
{
    private readonly Lock _gate = new();

    public void Report(ReadProgress value)
    {
        var line = value.Stage switch
        {
            ReadProgressStage.Started => $"reading {value.Call} ...",
            ReadProgressStage.Done => $"read {value.Call}: {value.Items} item(s) in {value.Pages} page(s)",
            ReadProgressStage.Failed => $"FAILED {value.Call} after {value.Pages} page(s)",
            _ => null,
        };
        if (line is null) return;
        lock (_gate) writer.WriteLine(line);
    }
}
