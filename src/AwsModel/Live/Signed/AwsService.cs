namespace Kalc.Iac.AwsModel.Live.Signed;

/// <summary>What addressing and signing one AWS service needs. <see cref="EnvName"/> is the service id
/// as the SDKs spell it in <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> (upper case, spaces as underscores).</summary>
public sealed record AwsService(string SigningName, string EndpointPrefix, string EnvName, bool Global)
{
    public static readonly AwsService Ec2 = new("ec2", "ec2", "EC2", false);

    /// <summary>IAM is global: one endpoint, signed for us-east-1 in the aws partition.</summary>
    public static readonly AwsService Iam = new("iam", "iam", "IAM", true);

    public static readonly AwsService Eks = new("eks", "eks", "EKS", false);

    public static readonly AwsService AutoScaling = new("autoscaling", "autoscaling", "AUTO_SCALING", false);

    public static readonly AwsService Sts = new("sts", "sts", "STS", false);
}
