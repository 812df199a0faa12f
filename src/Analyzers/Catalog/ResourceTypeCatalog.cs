using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace Kalc.Iac.Analyzers.Catalog;

/// <summary>The resource type catalogue: every resource type of the aws, kubernetes, helm and kubectl Terraform
/// providers and of the Pulumi aws and kubernetes providers, each <see cref="ResourceTypeClass.Modelled"/>,
/// <see cref="ResourceTypeClass.MayAffect"/> or <see cref="ResourceTypeClass.CannotAffect"/> with its reason and the
/// attributes that tie it to an identity. Loaded from the embedded resource-types.json, which tools/TypeCatalogue
/// generates from the providers' published type lists (docs/resource-types.md); never edited by hand.</summary>
public sealed class ResourceTypeCatalog
{
    /// <summary>The reason given for a type the catalogue does not list.</summary>
    public const string NotInCatalogueReason = "not in the catalogue: a type kalc-iac has not reviewed may change what the cluster uses";

    /// <summary>The catalogue shipped with this build.</summary>
    public static ResourceTypeCatalog Default { get; } = Load();

    private readonly FrozenDictionary<string, ResourceTypeInfo> byType;

    private ResourceTypeCatalog(FrozenDictionary<string, ResourceTypeInfo> types, string version, ImmutableArray<ResourceTypeSource> sources)
    {
        byType = types;
        Version = version;
        Sources = sources;
    }

    /// <summary>catalogVersion of resource-types.json.</summary>
    public string Version { get; }

    /// <summary>The published lists the catalogue was generated from, with where each came from.</summary>
    public ImmutableArray<ResourceTypeSource> Sources { get; }

    /// <summary>Every listed type.</summary>
    public IEnumerable<ResourceTypeInfo> Types => byType.Values;

    /// <summary>The class, reason and tie attributes of a Terraform resource type or Pulumi type token (case-sensitive,
    /// as plans print them). A type not in the catalogue is <see cref="ResourceTypeClass.MayAffect"/> with
    /// <see cref="NotInCatalogueReason"/>: never "cannot affect" for what has not been reviewed.</summary>
    public ResourceTypeInfo Classify(string providerType) =>
        byType.TryGetValue(providerType, out var info)
            ? info
            : new ResourceTypeInfo { Type = providerType, Class = ResourceTypeClass.MayAffect, Reason = NotInCatalogueReason };

    private static ResourceTypeCatalog Load()
    {
        using var stream = typeof(ResourceTypeCatalog).Assembly.GetManifestResourceStream("Kalc.Iac.Analyzers.Catalog.resource-types.json")
            ?? throw new InvalidOperationException("resource-types.json is not embedded");
        // Read into an array of its size (660 KB): parsing the stream would read it through doubling buffers.
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        using var doc = JsonDocument.Parse(bytes);
        var root = doc.RootElement;
        if (root.GetProperty("default").GetProperty("reason").GetString() != NotInCatalogueReason)
            throw new InvalidOperationException("resource-types.json: its default reason differs from ResourceTypeCatalog.NotInCatalogueReason");
        var rules = root.GetProperty("rules").EnumerateArray().ToDictionary(
            r => r.GetProperty("pattern").GetString()!,
            r => (Reason: r.GetProperty("reason").GetString()!, Ties: r.GetProperty("ties").EnumerateArray().Select(t => t.GetString()!).ToImmutableArray()),
            StringComparer.Ordinal);
        var types = new Dictionary<string, ResourceTypeInfo>(StringComparer.Ordinal);
        // Thousands of types share a few providers, rules, classes and tie lists: each is made once.
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(JsonElement value)
        {
            var text = value.GetString()!;
            return shared.TryAdd(text, text) ? text : shared[text];
        }
        var pulumiTies = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var t in root.GetProperty("types").EnumerateArray())
        {
            var type = t.GetProperty("type").GetString()!;
            var provider = Shared(t.GetProperty("provider"));
            var rule = Shared(t.GetProperty("rule"));
            var (reason, ties) = rules[rule];
            var cls = ParseClass(t.GetProperty("class"));
            if (provider.StartsWith("pulumi-", StringComparison.Ordinal) && !pulumiTies.TryGetValue(rule, out var camel))
                pulumiTies[rule] = camel = [.. ties.Select(CamelCase)];
            types.Add(type, new ResourceTypeInfo
            {
                Type = type,
                Provider = provider,
                Class = cls,
                Reason = cls == ResourceTypeClass.Modelled ? "read by a mapper (ResourceMappers.All); " + reason : reason,
                Ties = provider.StartsWith("pulumi-", StringComparison.Ordinal) ? pulumiTies[rule] : ties,
                Rule = rule,
                TerraformType = t.TryGetProperty("terraformType", out var tf) ? tf.GetString() : null,
            });
        }
        var sources = root.GetProperty("sources").EnumerateArray().Select(s => new ResourceTypeSource(
            s.GetProperty("list").GetString()!, s.GetProperty("provider").GetString()!, s.GetProperty("kind").GetString()!,
            s.GetProperty("source").GetString()!, s.GetProperty("url").GetString()!,
            s.TryGetProperty("repo", out var repo) ? repo.GetString() : null,
            s.TryGetProperty("commit", out var commit) ? commit.GetString() : null,
            s.TryGetProperty("version", out var version) ? version.GetString() : null,
            s.GetProperty("count").GetInt32())).ToImmutableArray();
        return new ResourceTypeCatalog(types.ToFrozenDictionary(StringComparer.Ordinal), root.GetProperty("catalogVersion").GetString()!, sources);
    }

    private static ResourceTypeClass ParseClass(JsonElement s) =>
        s.ValueEquals("modelled"u8) ? ResourceTypeClass.Modelled
        : s.ValueEquals("may-affect"u8) ? ResourceTypeClass.MayAffect
        : s.ValueEquals("cannot-affect"u8) ? ResourceTypeClass.CannotAffect
        : throw new InvalidOperationException($"resource-types.json: unknown class \"{s.GetString()}\"");

    /// <summary><c>security_group_id</c> becomes <c>securityGroupId</c>: Pulumi's names for the same inputs.</summary>
    internal static string CamelCase(string snake)
    {
        var sb = new StringBuilder(snake.Length);
        var upper = false;
        foreach (var c in snake)
        {
            if (c == '_') { upper = true; continue; }
            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return sb.ToString();
    }
}

/// <summary>One published type list the catalogue was generated from (tools/TypeCatalogue/lists/).</summary>
/// <param name="List">The raw list in the repository.</param>
/// <param name="Provider">aws, kubernetes, helm, kubectl, pulumi-aws or pulumi-kubernetes.</param>
/// <param name="Kind">terraform or pulumi.</param>
/// <param name="Source">What the list was read from.</param>
/// <param name="Url">Where to see it.</param>
/// <param name="Repo">owner/name of the source repository, when read from one.</param>
/// <param name="Commit">The commit it was read at, when read from a repository.</param>
/// <param name="Version">The provider or package version, when read from a published package.</param>
/// <param name="Count">How many types the list has.</param>
public sealed record ResourceTypeSource(string List, string Provider, string Kind, string Source, string Url, string? Repo, string? Commit, string? Version, int Count);
