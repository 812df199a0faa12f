using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.AwsModel.Model;

namespace Kalc.Iac.Analyzers.Rules.NodeCredentials;

/// <summary>The state the node-credential rules need: IAM (profiles and their roles) and EC2 instances.</summary>
internal static class NodeCredentialState
{
    public static IEnumerable<string> Missing(AnalysisContext ctx)
    {
        var relevant = ctx.TouchingExisting.Where(m => m is InstanceProfileChange or IamRoleChange or Ec2InstanceChange)
            .Select(m => m.Change.Address).ToList();
        if (relevant.Count == 0) yield break;
        var which = relevant.Count <= 3 ? string.Join(", ", relevant) : $"{relevant[0]} and {relevant.Count - 1} other changes";
        if (!ctx.Before.Aws.Loaded.Contains(AwsStateKind.Iam))
            yield return $"AWS IAM state (aws iam get-account-authorization-details): needed to know which roles and instance profiles are changed by {which}";
        if (!ctx.Before.Aws.Loaded.Contains(AwsStateKind.Instances))
            yield return $"EC2 instances (aws ec2 describe-instances): needed to know which running instances use what is changed by {which}";
    }
}
