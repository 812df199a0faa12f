namespace Kalc.Iac.Core;

/// <summary>Where a value was read from: a file (or "-" for stdin), an optional line, and an
/// optional path inside the document (a JSON path, a plan address, an API call).</summary>
public sealed record SourceRef(string File, int? Line = null, string? Path = null)
{
    public static SourceRef Of(string file, int? line = null, string? path = null) => new(file, line, path);

    public SourceRef WithPath(string path) => this with { Path = path };

    public override string ToString()
    {
        var s = Line is { } l ? $"{File}:{l}" : File;
        return Path is null ? s : $"{s} ({Path})";
    }
}
