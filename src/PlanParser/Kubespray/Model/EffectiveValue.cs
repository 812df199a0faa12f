using System.Collections.Immutable;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Kubespray.Model;

/// <summary>The value one host gets for one variable: the winning assignment, its Jinja2 rendering (unknown when a
/// template cannot be resolved without guessing) and the lower-precedence assignments it replaced.</summary>
public sealed record EffectiveValue
{
    public required string Name { get; init; }

    /// <summary>The value as written (templates unrendered).</summary>
    public required PlanValue Raw { get; init; }

    /// <summary>The value after rendering plain <c>{{ var }}</c> references and simple filters.</summary>
    public required Known<PlanValue> Rendered { get; init; }

    public required VariableSource Source { get; init; }

    /// <summary>Lower-precedence assignments of the same variable, highest first.</summary>
    public ImmutableArray<VariableAssignment> Replaced { get; init; } = [];

    /// <summary>The rendered value as text, or null when unknown or not a scalar.</summary>
    public string? Text => Rendered.IsKnown ? Rendered.Value?.AsString() : null;

    /// <summary>"calico (role default (roles/...:216))" or "(unresolved: ...)".</summary>
    public string Describe() => $"{(Rendered.IsKnown ? Rendered.Value?.ToString() : $"(unresolved: {Rendered.WhyUnknown})")} from {Source}";
}
