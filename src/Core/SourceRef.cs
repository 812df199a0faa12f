namespace Kalc.Iac.Core;

/// <summary>Where a fact comes from - the one provenance type from reader to report. Mostly an input (<see cref="SourceKind.Input"/>):
/// a file (or "-" for stdin), an optional line, and an optional path inside the document (a JSON path, a plan address, an
/// API call). Facts that come from no input say what they come from instead: a published reference (a URL), one of
/// kalc-iac's catalogs, or kalc-iac's own evaluation.</summary>
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

    /// <summary>The elements of the top-level array <paramref name="array"/> of <paramref name="file"/>, as one shared
    /// value: a reader of tens of thousands of elements keeps this and each element's line and index
    /// (<see cref="ElementAt"/> makes the element's own source when it is asked for).</summary>
    public static SourceRef ElementsOf(string file, string array) => new(file, null, array, -1);

    /// <summary>Element <paramref name="index"/>, on <paramref name="line"/>, of the array this names (<see cref="ElementsOf"/>).</summary>
    public SourceRef ElementAt(int line, int index) =>
        new(File, line, _array ?? throw new InvalidOperationException($"{this} names no array's elements"), index);

    public string File { get; init; }

    /// <summary>The column on <see cref="Line"/>, when known (a configuration block found with --source).</summary>
    public int? Column { get; init; }

    /// <summary>The text of <see cref="Line"/> itself, when the reader kept it (shown under a finding in text output).</summary>
    public string? LineText { get; init; }

    /// <summary>What kind of origin <see cref="File"/> names (an input file unless said otherwise).</summary>
    public SourceKind Kind { get; init; } = SourceKind.Input;

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

    /// <summary>A published reference: documentation or upstream source, by URL (optionally with a section or title).</summary>
    public static SourceRef Reference(string url, string? title = null) => new(url, null, title) { Kind = SourceKind.Reference };

    /// <summary>One of kalc-iac's catalogs (<paramref name="catalog"/> names it and its version; <paramref name="entry"/> the entry).</summary>
    public static SourceRef Catalog(string catalog, string? entry = null) => new(catalog, null, entry) { Kind = SourceKind.Catalog };

    /// <summary>A conclusion of kalc-iac's own evaluation (e.g. "IAM trust evaluation (after)").</summary>
    public static SourceRef Analysis(string what) => new(what) { Kind = SourceKind.Analysis };

    public SourceRef WithPath(string path) => this with { Path = path };

    public bool Equals(SourceRef? other) =>
        other is not null && Kind == other.Kind && File == other.File && Line == other.Line && Path == other.Path;

    public override int GetHashCode() => HashCode.Combine(Kind, File, Line, Path);

    public override string ToString()
    {
        var s = Line is { } l ? $"{File}:{l}" : File;
        return Path is null ? s : $"{s} ({Path})";
    }
}
