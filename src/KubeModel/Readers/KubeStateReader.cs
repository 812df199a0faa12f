using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.KubeModel.Readers;

/// <summary>Reads Kubernetes state from files already in memory: <c>kubectl get -o json</c> output (Lists or single
/// objects) and YAML manifests (multi-document, <c>kind: List</c> too). A file is JSON when its name ends in .json,
/// YAML when it ends in .yaml/.yml, otherwise JSON when its first character is '{' or '['.</summary>
public static class KubeStateReader
{
    public static ParseResult<KubeState> Read(IEnumerable<(string File, ReadOnlyMemory<byte> Bytes)> files)
    {
        var builder = new KubeStateBuilder();
        foreach (var (file, bytes) in files)
        {
            var result = ParseResult<bool>.Catch(file, () => AddFile(builder, file, bytes));
            if (!result.IsOk) return ParseResult<KubeState>.Fail(result.Error);
        }
        return ParseResult<KubeState>.Catch("kubernetes state", builder.Build);
    }

    private static bool AddFile(KubeStateBuilder builder, string file, ReadOnlyMemory<byte> bytes)
    {
        try
        {
            return AddJsonOrYaml(builder, file, bytes);
        }
        catch (InvalidOperationException e) when (JsonTextErrors.IsInvalidString(e))
        {
            throw new InputException(new InputError(file, JsonTextErrors.LoneSurrogate));
        }
    }

    private static bool AddJsonOrYaml(KubeStateBuilder builder, string file, ReadOnlyMemory<byte> bytes)
    {
        if (IsJson(file, bytes.Span))
        {
            KubeJsonReader.Read(Utf8Input.Normalize(bytes, file), file, builder);
            return true;
        }
        var text = InputText.Decode(bytes.Span, file);
        var documents = 0;
        YamlToJson.ReadDocuments(text, file, (json, line) =>
        {
            using var doc = JsonDocument.Parse(json, JsonLimits.DocumentOptions);
            builder.Add(doc.RootElement, SourceRef.Of(file, line));
            documents++;
        });
        if (documents == 0) throw new InputException("no Kubernetes objects in this file (empty YAML)");
        return true;
    }

    private static bool IsJson(string file, ReadOnlySpan<byte> bytes)
    {
        if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return true;
        if (file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)) return false;
        var (_, bom) = InputText.DetectEncoding(bytes);
        var body = bytes[bom..];
        var i = 0;
        while (i < body.Length && body[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0) i++;
        return i < body.Length && body[i] is (byte)'{' or (byte)'[';
    }
}
