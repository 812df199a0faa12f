using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary>Reads an AWS state dump directory (recursively, in ordinal path order; hidden files, *.md, *.txt and
/// README* are skipped): every other file must be an aws-cli output kalc-iac reads.</summary>
public static class AwsDumpDirectory
{
    public static ParseResult<AwsState> Read(string dir) => ParseResult<AwsState>.Catch(dir, () =>
    {
        var listing = DumpFiles.List(dir);
        if (listing.Files.IsEmpty)
            throw new InputException(new InputError(dir, "no aws-cli output files in this directory"));
        // Files are parsed side by side (a cluster's state is a dozen files of a few MB: when the plan is read first, the
        // rest of the state takes every core); the first bad file in path order is the one reported, as if read in turn.
        // The parser keeps no reference to the bytes (its document is disposed before it returns): each file is read
        // where the page cache holds it, and unmapped after.
        var parsed = new ParseResult<AwsStateFragment>[listing.Files.Length];
        Parallel.For(0, parsed.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            parsed[i] = ParseResult<AwsStateFragment>.Catch(listing.Files[i], () =>
            {
                using var mapped = MappedFile.Open(listing.Files[i]);
                return AwsDumpParser.Parse(mapped.Memory, listing.Files[i]).Unwrap();
            }));
        return AwsStateMerger.Merge([.. parsed.Select(p => p.Unwrap())]);
    });

    /// <summary>The same from files already in memory (stdin, tests), merged in the order given.</summary>
    public static ParseResult<AwsState> Read(IEnumerable<(string File, ReadOnlyMemory<byte> Bytes)> files) => ParseResult<AwsState>.Catch("aws-state", () =>
    {
        var fragments = files.Select(f => AwsDumpParser.Parse(f.Bytes, f.File).Unwrap()).ToList();
        return AwsStateMerger.Merge(fragments);
    });
}
