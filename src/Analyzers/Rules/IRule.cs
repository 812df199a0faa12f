using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Analyzers.Rules;

/// <summary>A rule is a descriptor plus logic. It reads the typed model only (never raw JSON) and never prints.</summary>
public interface IRule
{
    RuleDescriptor Descriptor { get; }

    IEnumerable<Finding> Evaluate(AnalysisContext context);
}
