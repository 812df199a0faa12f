using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping;

/// <summary>A plan change mapped onto typed values of one resource type. Mappers are the only code that
/// reads plan attribute names; projection and rules see these records.</summary>
public abstract record MappedChange(ResourceChange Change)
{
    public MappingStatus Status { get; init; } = MappingStatus.Analysed;

    /// <summary>Why the status is Unknown, e.g. "name is known only after apply".</summary>
    public string? WhyUnknown { get; init; }
}

/// <summary>A change of a resource type no rule looks at.</summary>
public sealed record UnsupportedChange(ResourceChange Change) : MappedChange(Change);
