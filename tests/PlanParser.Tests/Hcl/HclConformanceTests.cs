using System.Globalization;
using System.Text.Json.Nodes;
using Kalc.Iac.PlanParser.Hcl;
using Kalc.Iac.Testing;

namespace Kalc.Iac.PlanParser.Tests.Hcl;

/// <summary>Differential test against HashiCorp's own parser (hashicorp/hcl's hclsyntax, compiled to WebAssembly in npm
/// @cdktf/hcl2json): over every .tf and .hcl file of fixtures/hcl (real modules and HCL's specsuite) both parsers must
/// agree on whether the file is valid and, when it is, produce the same structure (see <see cref="Hcl2JsonShape"/>).</summary>
public sealed class HclConformanceTests
{
    public static IReadOnlyList<string> Corpus { get; } =
        [.. Directory.EnumerateFiles(Fixtures.Path("hcl"), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".tf", StringComparison.Ordinal) || f.EndsWith(".hcl", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    /// <summary>Differences we know of and why; each must still occur (a fixed one must leave this list).
    /// HCL normalises literal text to Unicode NFC; .NET's normaliser is not available under InvariantGlobalization
    /// (the CLI runs invariant for Native AOT size), so a literal written in decomposed form stays decomposed. Only
    /// this specsuite case writes one; Terraform names and ARNs are ASCII.</summary>
    private static readonly Dictionary<string, string> KnownDifferences = new(StringComparer.Ordinal)
    {
        ["fixtures/hcl/specsuite/expressions/primitive_literals.hcl"] = "$.string_unicode_nonnorm: \"a\\u00F1os\" expected, \"an\\u0303os\" found",
    };

    [Hcl2JsonFact]
    public void Every_corpus_file_parses_to_the_structure_HashiCorps_parser_gives()
    {
        Assert.True(Corpus.Count > 150, $"the corpus holds {Corpus.Count} files");
        var oracle = Hcl2Json.Convert(Corpus);
        var mismatches = new List<string>();
        foreach (var file in Corpus)
        {
            var (expected, error) = oracle[file];
            var ours = HclParser.Parse(File.ReadAllText(file), file);
            var name = Path.GetRelativePath(Fixtures.Root, file).Replace('\\', '/');
            if (error is not null)
            {
                if (ours.IsOk) mismatches.Add($"{name}: HashiCorp's parser rejects it ({error}), ours accepts it");
                continue;
            }
            if (!ours.IsOk)
            {
                mismatches.Add($"{name}: ours rejects it: {ours.Error}");
                continue;
            }
            var actual = new Hcl2JsonShape(ours.Value.Source).Body(ours.Value.Body);
            var diff = Difference(expected, actual, "$");
            if (KnownDifferences.TryGetValue(name, out var known))
            {
                if (diff != known) mismatches.Add($"{name}: the known difference changed: now {diff ?? "none"}");
            }
            else if (diff is not null) mismatches.Add($"{name}: {diff}");
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {Corpus.Count} files differ:\n" + string.Join('\n', mismatches));
    }

    /// <summary>The first place two JSON trees differ (object key order ignored, numbers compared as doubles, as node read them).</summary>
    internal static string? Difference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                foreach (var (k, v) in e)
                {
                    if (!a.ContainsKey(k)) return $"{path}.{k}: missing";
                    if (Difference(v, a[k], $"{path}.{k}") is { } d) return d;
                }
                foreach (var (k, _) in a)
                    if (!e.ContainsKey(k)) return $"{path}.{k}: unexpected";
                return null;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count) return $"{path}: {e.Count} items expected, {a.Count} found";
                for (var i = 0; i < e.Count; i++)
                    if (Difference(e[i], a[i], $"{path}[{i}]") is { } d) return d;
                return null;
            case (JsonValue e, JsonValue a):
                if (e.TryGetValue<double>(out var en) && a.TryGetValue<double>(out var an))
                    return en.Equals(an) ? null : $"{path}: {en.ToString(CultureInfo.InvariantCulture)} expected, {an.ToString(CultureInfo.InvariantCulture)} found";
                return e.ToJsonString() == a.ToJsonString() ? null : $"{path}: {e.ToJsonString()} expected, {a.ToJsonString()} found";
            default:
                return $"{path}: {expected?.ToJsonString() ?? "null"} expected, {actual?.ToJsonString() ?? "null"} found";
        }
    }
}
