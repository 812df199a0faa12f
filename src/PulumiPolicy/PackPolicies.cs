using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules;
using Pulumirpc;

namespace Kalc.Iac.PulumiPolicy;

/// <summary>The pack's policies: one per rule family (the rule descriptors' <c>Category</c>), named
/// <c>kalc-iac-&lt;family&gt;</c>, mandatory by default when the family has a rule of high or critical severity; and
/// <c>kalc-iac-state</c>, advisory by default, which says what the pack could not know and holds the settings.</summary>
public sealed class PackPolicies
{
    public const string PackName = "kalc-iac";
    public const string StatePolicy = "kalc-iac-state";

    private readonly ImmutableDictionary<string, string> _policyOfRule;

    public PackPolicies(IReadOnlyList<IRule> rules)
    {
        Rules = rules;
        var families = rules.Select(r => r.Descriptor).GroupBy(d => d.Category, StringComparer.Ordinal);
        Families = [.. families.Select(f => new Family(PackName + "-" + f.Key, f.Key, [.. f]))];
        _policyOfRule = Families.SelectMany(f => f.Rules.Select(d => (d.Id, f.PolicyName)))
            .ToImmutableDictionary(p => p.Id, p => p.PolicyName, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<IRule> Rules { get; }

    public ImmutableArray<Family> Families { get; }

    /// <summary>The policy a rule's findings are reported under.</summary>
    public string PolicyOf(string ruleId) => _policyOfRule.TryGetValue(ruleId, out var name) ? name : StatePolicy;

    public RuleDescriptor? Descriptor(string ruleId) => Rules.FirstOrDefault(r => string.Equals(r.Descriptor.Id, ruleId, StringComparison.OrdinalIgnoreCase))?.Descriptor;

    /// <summary>Every policy with its default enforcement level.</summary>
    public IEnumerable<(string Name, EnforcementLevel Default)> All() =>
        Families.Select(f => (f.PolicyName, f.DefaultLevel)).Append((StatePolicy, EnforcementLevel.Advisory));

    public sealed record Family(string PolicyName, string Category, ImmutableArray<RuleDescriptor> Rules)
    {
        public EnforcementLevel DefaultLevel => Rules.Any(r => r.Severity >= Severity.High) ? EnforcementLevel.Mandatory : EnforcementLevel.Advisory;

        public string DisplayName => "kalc-iac: " + Category.Replace('-', ' ');

        public string Description =>
            $"Predicts what the update breaks in the Kubernetes cluster ({Category}): " + string.Join("; ", Rules.Select(r => $"{r.Id} {r.Title}"));
    }
}
