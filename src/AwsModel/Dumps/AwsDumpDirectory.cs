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
        var fragments = new List<AwsStateFragment>(listing.Files.Length);
        // The parser keeps no reference to the bytes (its document is disposed before it returns): each file is read
        // where the page cache holds it, and unmapped after.
        foreach (var file in listing.Files)
        {
            using var mapped = MappedFile.Open(file);
            fragments.Add(AwsDumpParser.Parse(mapped.Memory, file).Unwrap());
        }
        return AwsStateMerger.Merge(fragments);
    });

    /// <summary>The same from files already in memory (stdin, tests), merged in the order given.</summary>
    public static ParseResult<AwsState> Read(IEnumerable<(string File, ReadOnlyMemory<byte> Bytes)> files) => ParseResult<AwsState>.Catch("aws-state", () =>
    {
        var fragments = files.Select(f => AwsDumpParser.Parse(f.Bytes, f.File).Unwrap()).ToList();
        return AwsStateMerger.Merge(fragments);
    });
}
