namespace Kalc.Iac.AwsModel.Iam;

/// <summary>One action's answer from <see cref="RolePermissionIndex.Allows"/>.</summary>
public sealed record ActionAnswer(string Action, EvaluationResult Result);
