using System.Collections;
using Kalc.Iac.AwsModel.Live.Signed;

namespace Kalc.Iac.AwsModel.Tests.Live;

public sealed class AwsEndpointsTests
{
    [Fact]
    public void A_service_specific_endpoint_wins_over_the_global_one()
    {
        var endpoints = AwsEndpoints.FromEnvironment(new Hashtable
        {
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566",
            ["AWS_ENDPOINT_URL_AUTO_SCALING"] = "http://127.0.0.1:5000",
        });

        Assert.Equal("http://127.0.0.1:5000/", endpoints.Resolve(AwsService.AutoScaling, "eu-west-1").AbsoluteUri);
        Assert.Equal("http://127.0.0.1:4566/", endpoints.Resolve(AwsService.Iam, "eu-west-1").AbsoluteUri);
    }

    [Fact]
    public void Without_overrides_services_use_their_public_endpoints_and_iam_is_global()
    {
        var endpoints = AwsEndpoints.FromEnvironment(new Hashtable());

        Assert.Equal("https://eks.eu-west-1.amazonaws.com/", endpoints.Resolve(AwsService.Eks, "eu-west-1").AbsoluteUri);
        Assert.Equal("https://iam.amazonaws.com/", endpoints.Resolve(AwsService.Iam, "eu-west-1").AbsoluteUri);
        Assert.Equal("us-east-1", AwsEndpoints.SigningRegion(AwsService.Iam, "eu-west-1"));
        Assert.Equal("eu-west-1", AwsEndpoints.SigningRegion(AwsService.Eks, "eu-west-1"));
    }

    [Fact]
    public void Ignore_configured_endpoint_urls_turns_the_overrides_off()
    {
        var endpoints = AwsEndpoints.FromEnvironment(new Hashtable
        {
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566",
            ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true",
        });

        Assert.False(endpoints.IsConfigured(AwsService.Ec2));
    }
}
