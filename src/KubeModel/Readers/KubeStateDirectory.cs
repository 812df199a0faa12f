using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.KubeModel.Readers;

/// <summary>Reads Kubernetes state from a file, or from every file under a directory (recursively, ordinal path
/// order; hidden files, *.md, *.txt and README* are skipped, every other file must be JSON or YAML).</summary>
public static class KubeStateDirectory
{
    public static ParseResult<KubeState> Read(string path)
    {
        if (File.Exists(path))
            return ReadFiles([path]);
        var listing = ParseResult<DumpFiles>.Catch(path, () => DumpFiles.List(path));
        if (!listing.IsOk) return ParseResult<KubeState>.Fail(listing.Error);
        if (listing.Value.Files.IsEmpty)
            return ParseResult<KubeState>.Fail(new InputError(path, "no Kubernetes JSON or YAML files in this directory"));
        return ReadFiles(listing.Value.Files);
    }

    /// <summary>Files are mapped one at a time as the reader reaches them, and unmapped when it moves on (the reader keeps
    /// nothing of a file's bytes: what it builds is copied out of them).</summary>
    private static ParseResult<KubeState> ReadFiles(IReadOnlyList<string> files) =>
        ParseResult<KubeState>.Catch(files[0], () => KubeStateReader.Read(Mapped(files)).Unwrap());

    private static IEnumerable<(string File, ReadOnlyMemory<byte> Bytes)> Mapped(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            using var mapped = MappedFile.Open(file);
            yield return (file, mapped.Memory);
        }
    }
}
