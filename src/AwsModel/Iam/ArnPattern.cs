namespace Kalc.Iac.AwsModel.Iam;

/// <summary>ArnEquals/ArnLike matching: each of the six colon-separated ARN parts is matched on its own,
/// case-sensitively, with <c>*</c>/<c>?</c> (the resource part keeps its colons).
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN</summary>
public static class ArnPattern
{
    public static bool Matches(string pattern, string arn)
    {
        var p = pattern.Split(':', 6);
        var a = arn.Split(':', 6);
        if (p.Length != 6 || a.Length != 6) return pattern == "*" || string.Equals(pattern, arn, StringComparison.Ordinal);
        for (var i = 0; i < 6; i++)
        {
            if (!WildcardPattern.MatchGeneral(p[i].AsSpan(), a[i].AsSpan(), ignoreCase: false)) return false;
        }
        return true;
    }
}
