using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Amazon.SecurityToken;
using Kalc.Iac.AwsModel.Live.AutoScaling;
using Kalc.Iac.AwsModel.Live.Ec2;
using Kalc.Iac.AwsModel.Live.Eks;
using Kalc.Iac.AwsModel.Live.Iam;
using Kalc.Iac.AwsModel.Live.Signed;
using Kalc.Iac.AwsModel.Live.Sts;

namespace Kalc.Iac.AwsModel.Live;

/// <summary>One client per service for one account and region. <see cref="Create"/> resolves region,
/// credentials and endpoints the way the AWS SDK does; tests and an SDK swap can pass their own.</summary>
public sealed class AwsReadClients : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public required string Region { get; init; }

    public required IEc2ReadClient Ec2 { get; init; }

    public required IIamReadClient Iam { get; init; }

    public required IEksReadClient Eks { get; init; }

    public required IAutoScalingReadClient AutoScaling { get; init; }

    public required ICallerIdentityClient Sts { get; init; }

    /// <summary>Builds the clients, or throws <see cref="AwsCallException"/> (NoRegion, NoCredentials) when the chains find nothing.</summary>
    public static AwsReadClients Create(LiveAwsOptions options)
    {
        var profile = options.Profile is null ? null : LoadProfile(options.Profile);
        var region = options.Region ?? profile?.Region?.SystemName ?? ResolveRegion()
            ?? throw new AwsCallException("NoRegion", "no AWS region: pass --region or set AWS_REGION (or a region in the profile)");
        var credentials = options.Credentials ?? ResolveCredentials(options.Profile);
        var endpoints = options.Endpoints;

        var ec2 = new SdkEc2Client(new AmazonEC2Client(credentials, SdkEc2Client.Config(region, endpoints, options)), options.PageSize);
        var sts = new SdkCallerIdentityClient(new AmazonSecurityTokenServiceClient(credentials, SdkCallerIdentityClient.Config(region, endpoints, options)));
        var iam = new SignedAwsClient(AwsService.Iam, AwsProtocol.Query, credentials, region, endpoints, options);
        var eks = new SignedAwsClient(AwsService.Eks, AwsProtocol.RestJson, credentials, region, endpoints, options);
        var asg = new SignedAwsClient(AwsService.AutoScaling, AwsProtocol.Query, credentials, region, endpoints, options);
        var clients = new AwsReadClients
        {
            Region = region,
            Ec2 = ec2,
            Sts = sts,
            Iam = new SignedIamClient(iam, options.PageSize),
            Eks = new SignedEksClient(eks),
            AutoScaling = new SignedAutoScalingClient(asg, options.PageSize),
        };
        clients._owned.AddRange([ec2, sts, iam, eks, asg]);
        return clients;
    }

    private static CredentialProfile LoadProfile(string name) =>
        new CredentialProfileStoreChain().TryGetProfile(name, out var p)
            ? p
            : throw new AwsCallException("NoCredentials", $"AWS profile '{name}' not found in the config or credentials file");

    private static string? ResolveRegion()
    {
        try
        {
            return Amazon.Runtime.FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
        }
        catch (AmazonClientException)
        {
            return null;
        }
    }

    private static AWSCredentials ResolveCredentials(string? profile)
    {
        try
        {
            if (profile is null) return DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
            return new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var c)
                ? c
                : throw new AwsCallException("NoCredentials", $"AWS profile '{profile}' has no usable credentials");
        }
        catch (AmazonClientException e)
        {
            throw new AwsCallException("NoCredentials", e.Message, null, e);
        }
    }

    public void Dispose()
    {
        foreach (var d in _owned) d.Dispose();
    }
}
