using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules;

/// <summary>What a rule sees: the world before and after the change, and the change itself.</summary>
public sealed record AnalysisContext(World Before, World After, Change Change);
