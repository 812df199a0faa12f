namespace Kalc.Iac.Cli;

/// <summary>One report the run writes: a format and a file (<c>--format sarif=kalc.sarif</c>); one analysis can write several.</summary>
public sealed record ReportTarget(string Format, string File)
{
    /// <summary>"sarif=out.sarif" -> (sarif, out.sarif); null when the value has no '=' (a plain --format name).</summary>
    public static ReportTarget? TryParse(string value)
    {
        var eq = value.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0) return null;
        var file = value[(eq + 1)..];
        if (file.Length == 0) throw new UsageException($"--format {value}: no file after '=' (e.g. --format sarif=kalc-iac.sarif)");
        return new ReportTarget(ArgumentParser.CheckFormat(value[..eq]), file);
    }
}
