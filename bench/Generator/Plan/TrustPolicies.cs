namespace Kalc.Iac.Bench.Generator.Plan;

/// <summary>Trust and permission policy documents as Terraform holds them: JSON encoded into a string.</summary>
internal static class TrustPolicies
{
    public static string Ec2 =>
        """{"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    /// <summary>IRSA: the cluster's OIDC provider may assume the role for one service account.</summary>
    public static string Irsa(string serviceAccountNamespace, string serviceAccountName) =>
        $$$$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::{{{{Scenario.Account}}}}:oidc-provider/{{{{Scenario.OidcProvider}}}}"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"{{{{Scenario.OidcProvider}}}}:sub":"system:serviceaccount:{{{{serviceAccountNamespace}}}}:{{{{serviceAccountName}}}}","{{{{Scenario.OidcProvider}}}}:aud":"sts.amazonaws.com"}}}]}""";

    public static string S3ReadWrite(string bucket) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::{{bucket}}/*"},{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::{{bucket}}"}]}""";
}
