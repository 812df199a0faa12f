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

public static class MappedChangeStatus
{
    /// <summary>Marks a mapped change Unknown (saying why) when the values that identify its resource are not in the plan.</summary>
    public static T Identified<T>(this T mapped, bool identityKnown, string whyUnknown) where T : MappedChange =>
        identityKnown ? mapped : mapped with { Status = MappingStatus.Unknown, WhyUnknown = whyUnknown };
}

/// <summary>A change of a resource type no rule looks at.</summary>
public sealed record UnsupportedChange(ResourceChange Change) : MappedChange(Change);
