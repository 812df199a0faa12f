namespace Kalc.Iac.Core;

/// <summary>Why an input could not be read. Rendered by the CLI as one line on stderr (exit 2).</summary>
public sealed record InputError(string File, string Reason, int? Line = null, int? Column = null)
{
    public override string ToString()
    {
        var where = Line is { } l ? (Column is { } c ? $"{File}:{l}:{c}" : $"{File}:{l}") : File;
        return $"{where}: {Reason}";
    }
}
