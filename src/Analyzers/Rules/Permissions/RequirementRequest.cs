using Kalc.Iac.Analyzers.Catalog;
using Kalc.Iac.AwsModel.Iam;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>The request a component makes for one catalog requirement: its action and resource, and the condition keys the
/// catalog says the call carries. Keys it does not list stay unknown, so a condition on them evaluates Unknown, never Allow.</summary>
public static class RequirementRequest
{
    public static RequestContext For(ActionRequirement requirement)
    {
        var request = RequestContext.For(requirement.Action, requirement.Resource);
        foreach (var (key, values) in requirement.Context)
            request = values is { } v ? request.With(key, [.. v]) : request.WithAbsent(key);
        return request;
    }

    public static EvaluationResult Evaluate(RolePermissionIndex index, string roleArn, ActionRequirement requirement) =>
        index.Evaluate(roleArn, For(requirement));
}
