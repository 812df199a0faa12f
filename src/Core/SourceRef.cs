namespace Kalc.Iac.Core;

/// <summary>Where a value was read from: a file (or "-" for stdin), an optional line, and an
/// optional path inside the document (a JSON path, a plan address, an API call).</summary>
public sealed record SourceRef
{
    private readonly string? _path;

    /// <summary>For <see cref="Element"/>: the array whose element this is (the path is put together when asked for).</summary>
    private readonly string? _array;
    private readonly int _index;

    public SourceRef(string File, int? Line = null, string? Path = null)
    {
        this.File = File;
        this.Line = Line;
        _path = Path;
    }

    private SourceRef(string file, int? line, string array, int index)
    {
        File = file;
        Line = line;
        _array = array;
        _index = index;
    }

    /// <summary>Element <paramref name="index"/> of the top-level array <paramref name="array"/>: the path
    /// (<c>resource_changes[12]</c>) is made only when read, as most of a large plan's sources never are.</summary>
    public static SourceRef Element(string file, int? line, string array, int index) => new(file, line, array, index);

    public string File { get; init; }

    public int? Line { get; init; }

    public string? Path
    {
        get => _path ?? (_array is null ? null : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_array}[{_index}]"));
        init
        {
            _path = value;
            _array = null;
        }
    }

    public static SourceRef Of(string file, int? line = null, string? path = null) => new(file, line, path);

    public SourceRef WithPath(string path) => this with { Path = path };

    public bool Equals(SourceRef? other) =>
        other is not null && File == other.File && Line == other.Line && Path == other.Path;

    public override int GetHashCode() => HashCode.Combine(File, Line, Path);

    public override string ToString()
    {
        var s = Line is { } l ? $"{File}:{l}" : File;
        return Path is null ? s : $"{s} ({Path})";
    }
}
