namespace Kalc.Iac.AwsModel.Dumps;

/// <summary>Names the aws-cli command an output kalc-iac does not read most likely came from, by its top-level list key,
/// so that the report's "not read" line says what the file is. The keys are the output shapes' own member names
/// (botocore service models, e.g. https://github.com/boto/botocore/blob/develop/botocore/data/ec2/2016-11-15/service-2.json).
/// A key not listed here is reported as the file's top-level keys.</summary>
internal static class UnreadOutputNames
{
    private static readonly Dictionary<string, string> ByKey = new(StringComparer.Ordinal)
    {
        ["RouteTables"] = "ec2 describe-route-tables",
        ["NatGateways"] = "ec2 describe-nat-gateways",
        ["InternetGateways"] = "ec2 describe-internet-gateways",
        ["Tags"] = "ec2 describe-tags",
        ["IamInstanceProfileAssociations"] = "ec2 describe-iam-instance-profile-associations",
        ["LaunchTemplates"] = "ec2 describe-launch-templates",
        ["Images"] = "ec2 describe-images",
        ["Volumes"] = "ec2 describe-volumes",
        ["PrefixLists"] = "ec2 describe-managed-prefix-lists",
        ["VpcEndpoints"] = "ec2 describe-vpc-endpoints",
        ["AutoScalingInstances"] = "autoscaling describe-auto-scaling-instances",
        ["LaunchConfigurations"] = "autoscaling describe-launch-configurations",
        ["nodegroup"] = "eks describe-nodegroup",
        ["nodegroups"] = "eks list-nodegroups",
        ["addon"] = "eks describe-addon",
        ["addons"] = "eks list-addons",
        ["fargateProfile"] = "eks describe-fargate-profile",
        ["fargateProfileNames"] = "eks list-fargate-profiles",
        ["identityProviderConfig"] = "eks describe-identity-provider-config",
        ["PolicyVersion"] = "iam get-policy-version",
        ["Policy"] = "iam get-policy",
        ["AttachedPolicies"] = "iam list-attached-role-policies",
        ["PolicyNames"] = "iam list-role-policies",
        ["PolicyRoles"] = "iam list-entities-for-policy",
        ["PolicyDocument"] = "iam get-role-policy",
        ["Credentials"] = "sts assume-role / assume-role-with-web-identity",
        ["LoadBalancers"] = "elbv2 describe-load-balancers",
        ["TargetGroups"] = "elbv2 describe-target-groups",
        ["HostedZones"] = "route53 list-hosted-zones",
        ["Buckets"] = "s3api list-buckets",
        ["Functions"] = "lambda list-functions",
    };

    public static string? Guess(IReadOnlyList<string> keys)
    {
        foreach (var k in keys)
            if (ByKey.TryGetValue(k, out var command)) return command;
        return null;
    }
}
