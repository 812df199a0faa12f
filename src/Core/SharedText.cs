using System.Text;

namespace Kalc.Iac.Core;

/// <summary>One copy, for the whole process, of each long ASCII text the input readers meet: policy documents, which the
/// state dump repeats beyond what its reader's bounded pool keeps, and which the plan's two reading threads meet each
/// (on the bench run 3 MiB of documents were read twice or more). Only texts of at least <see cref="MinLength"/> bytes
/// come here: shorter ones (ids, ARNs) are many, and a process-wide entry for each cost as much as their duplicates
/// (measured), so each reader pools those itself. Bounded: past <see cref="MaxEntries"/> the pool starts again, so that a process reading
/// many inputs (the policy-pack server, the tests) does not keep them all. Thread-safe (a lock: the readers call it
/// once per new text, not per value).</summary>
public static class SharedText
{
    public const int MinLength = 128;
    private const int MaxEntries = 256 * 1024;
    private static readonly HashSet<string> Pool = new(AsciiKeyComparer.Instance);

    /// <summary>The string of the ASCII <paramref name="utf8"/>, the one already made when it was met before.</summary>
    public static string Of(ReadOnlySpan<byte> utf8)
    {
        lock (Pool)
        {
            if (Pool.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(utf8, out var shared)) return shared;
            var text = Encoding.ASCII.GetString(utf8);
            if (Pool.Count >= MaxEntries) Pool.Clear();
            Pool.Add(text);
            return text;
        }
    }

    /// <summary>The string of <paramref name="utf8"/>: the process's one copy when this pool takes it, else a new one.</summary>
    public static string Decode(ReadOnlySpan<byte> utf8) => Takes(utf8) ? Of(utf8) : Encoding.UTF8.GetString(utf8);

    /// <summary>Whether <paramref name="utf8"/> is text this pool takes: long enough and ASCII.</summary>
    public static bool Takes(ReadOnlySpan<byte> utf8) => utf8.Length >= MinLength && Ascii.IsValid(utf8);
}
