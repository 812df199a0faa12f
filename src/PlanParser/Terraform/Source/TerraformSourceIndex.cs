using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Kalc.Iac.Core;

namespace Kalc.Iac.PlanParser.Terraform.Source;

/// <summary>Maps plan addresses to the .tf file and line that declare them (<c>--source TF_DIR</c>), so findings and SARIF
/// point at the configuration. Reads the root module's *.tf files and follows local module sources
/// (<c>module "NAME" { source = "./modules/x" }</c>); registry and git modules are not on disk and stay unmapped.
/// Resource and module headers are recognised line by line, as `terraform fmt` writes them.</summary>
public sealed partial class TerraformSourceIndex
{
    private readonly ImmutableDictionary<string, ResourceDeclaration> byKey;

    private TerraformSourceIndex(ImmutableDictionary<string, ResourceDeclaration> byKey) => this.byKey = byKey;

    public int Count => byKey.Count;

    /// <summary>Indexes TF_DIR (the root module) and every local module it calls, to a depth of 16.</summary>
    public static ParseResult<TerraformSourceIndex> Read(string rootDir) => ParseResult<TerraformSourceIndex>.Catch(rootDir, () =>
    {
        if (!Directory.Exists(rootDir)) throw new InputException(new InputError(rootDir, "--source must be a directory of .tf files"));
        var entries = ImmutableDictionary.CreateBuilder<string, ResourceDeclaration>(StringComparer.Ordinal);
        IndexModule(Path.GetFullPath(rootDir), "", rootDir, entries, 0);
        return new TerraformSourceIndex(entries.ToImmutable());
    });

    /// <summary>The declaration of a plan address (count/for_each indexes ignored), or null.</summary>
    public ResourceDeclaration? Find(string address)
    {
        var key = KeyOf(address);
        return key is not null && byKey.TryGetValue(key, out var d) ? d : null;
    }

    /// <summary>"module.a[0].module.b.aws_x.y[\"k\"]" -> "module.a.module.b.aws_x.y"; data sources keep "data.".</summary>
    internal static string? KeyOf(string address)
    {
        var noIndex = IndexPattern().Replace(address, "");
        return noIndex.Length == 0 ? null : noIndex;
    }

    private static void IndexModule(string dir, string prefix, string shownRoot, ImmutableDictionary<string, ResourceDeclaration>.Builder into, int depth)
    {
        if (depth > 16 || !Directory.Exists(dir)) return;
        foreach (var file in Directory.EnumerateFiles(dir, "*.tf").Order(StringComparer.Ordinal))
        {
            var lines = InputText.SplitLines(InputText.Decode(File.ReadAllBytes(file), file));
            var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), file).Replace('\\', '/');
            for (var i = 0; i < lines.Length; i++)
            {
                if (ResourceHeader().Match(lines[i]) is { Success: true } r)
                {
                    var kind = r.Groups[1].Value == "data" ? "data." : "";
                    into.TryAdd($"{prefix}{kind}{r.Groups[2].Value}.{r.Groups[3].Value}", new ResourceDeclaration(r.Groups[2].Value, r.Groups[3].Value, shown, i + 1));
                }
                else if (ModuleHeader().Match(lines[i]) is { Success: true } m && LocalSource(lines, i) is { } source)
                {
                    IndexModule(Path.GetFullPath(Path.Combine(dir, source)), $"{prefix}module.{m.Groups[1].Value}.", shownRoot, into, depth + 1);
                }
            }
        }
    }

    /// <summary>The <c>source = "./..."</c> of the module block opening at line <paramref name="start"/>, when local.</summary>
    private static string? LocalSource(string[] lines, int start)
    {
        var depth = 0;
        for (var i = start; i < lines.Length; i++)
        {
            depth += lines[i].Count(c => c == '{') - lines[i].Count(c => c == '}');
            if (i > start && SourceLine().Match(lines[i]) is { Success: true } s)
                return s.Groups[1].Value.StartsWith('.') ? s.Groups[1].Value : null;
            if (depth <= 0 && i > start) break;
        }
        return null;
    }

    [GeneratedRegex("""^\s*(resource|data)\s+"([^"]+)"\s+"([^"]+)"\s*\{""")]
    private static partial Regex ResourceHeader();

    [GeneratedRegex("""^\s*module\s+"([^"]+)"\s*\{""")]
    private static partial Regex ModuleHeader();

    [GeneratedRegex("""^\s*source\s*=\s*"([^"]+)"\s*$""")]
    private static partial Regex SourceLine();

    [GeneratedRegex("""\[[^\]]*\]""")]
    private static partial Regex IndexPattern();
}
