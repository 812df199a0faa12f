namespace Kalc.Iac.Bench.Generator;

/// <summary>The resource types the generated plan mixes, with their share of the plan in percent.</summary>
internal enum ResourceKind
{
    Instance,
    IamRole,
    IamRolePolicyAttachment,
    IamInstanceProfile,
    SecurityGroup,
    S3Bucket,
}

internal static class ResourceKinds
{
    public static string TerraformType(this ResourceKind kind) => kind switch
    {
        ResourceKind.Instance => "aws_instance",
        ResourceKind.IamRole => "aws_iam_role",
        ResourceKind.IamRolePolicyAttachment => "aws_iam_role_policy_attachment",
        ResourceKind.IamInstanceProfile => "aws_iam_instance_profile",
        ResourceKind.SecurityGroup => "aws_security_group",
        ResourceKind.S3Bucket => "aws_s3_bucket",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Picks a kind from a number in [0, 100): 15% instances, 15% roles, 35% policy attachments (the most
    /// numerous resource of IAM-heavy stacks), 5% profiles, 10% security groups, 20% buckets.</summary>
    public static ResourceKind FromPercent(int p) => p switch
    {
        < 15 => ResourceKind.Instance,
        < 30 => ResourceKind.IamRole,
        < 65 => ResourceKind.IamRolePolicyAttachment,
        < 70 => ResourceKind.IamInstanceProfile,
        < 80 => ResourceKind.SecurityGroup,
        _ => ResourceKind.S3Bucket,
    };
}
