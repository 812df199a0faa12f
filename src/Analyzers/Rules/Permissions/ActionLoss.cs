using Kalc.Iac.Analyzers.Catalog;
using Kalc.Iac.AwsModel.Iam;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>One requirement evaluated before and after the change.</summary>
public sealed record ActionLoss(ActionRequirement Requirement, EvaluationResult Before, EvaluationResult After)
{
    /// <summary>Allowed before (or allowed under conditions the catalog cannot settle), and definitely not allowed after.</summary>
    public static bool IsLost(EvaluationResult before, EvaluationResult after) =>
        WasAllowed(before) && after.Decision is Decision.ExplicitDeny or Decision.ImplicitDeny;

    /// <summary>Allowed before, and whether it still is cannot be known after.</summary>
    public static bool IsUndecidable(EvaluationResult before, EvaluationResult after) =>
        before.IsAllowed && after.Decision == Decision.Unknown;

    private static bool WasAllowed(EvaluationResult before) =>
        before.IsAllowed || (before.Decision == Decision.Unknown && before.Statements.Any(s => s.Effect == Effect.Allow));
}
