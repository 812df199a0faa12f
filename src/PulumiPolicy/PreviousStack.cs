using System.Collections.Immutable;
using Kalc.Iac.PlanParser.Pulumi;

namespace Kalc.Iac.PulumiPolicy;

/// <summary>The stack before the update, or why it is not known. No RPC tells a policy pack what an update deletes
/// or replaces (Analyze sees one resource's new inputs, AnalyzeStack only what exists afterwards), so the pack reads
/// the previous stack itself.</summary>
public sealed record PreviousStack(ImmutableArray<PulumiStackResource>? Resources, string? WhyUnknown)
{
    private readonly Lazy<IReadOnlyDictionary<string, PulumiStackResource>> _byUrn = new(() =>
        Resources is { } all ? all.GroupBy(r => r.Urn, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal) : new Dictionary<string, PulumiStackResource>());

    /// <summary>The resource with this URN before the update, if the previous stack is known and holds it.</summary>
    public PulumiStackResource? Find(string urn) => _byUrn.Value.GetValueOrDefault(urn);

    public static PreviousStack Known(ImmutableArray<PulumiStackResource> resources) => new(resources, null);

    public static PreviousStack Unknown(string why) => new(null, why);
}
