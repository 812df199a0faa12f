using Kalc.Iac.AwsModel.Live;
using Kalc.Iac.Tests.Live.Fakes;

namespace Kalc.Iac.AwsModel.Tests.Live;

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

/// <summary>The one test that proves the user's path: region, credentials and endpoint from environment
/// variables only, as in a shell or CI job. Process-global, so it runs alone.</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class EnvironmentChainTests
{
    [Fact]
    public async Task Region_credentials_and_endpoint_come_from_the_environment_like_the_sdk_reads_them()
    {
        await using var server = new FakeHttpServer(new FakeAwsAccount().Handle);
        var names = new[] { "AWS_ENDPOINT_URL", "AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_EC2_METADATA_DISABLED", "AWS_PROFILE" };
        var saved = names.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", server.Url.AbsoluteUri);
            Environment.SetEnvironmentVariable("AWS_REGION", "eu-central-1");
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDENVEXAMPLE");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "envsecretEXAMPLEKEY");
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
            Environment.SetEnvironmentVariable("AWS_PROFILE", null);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));

            var result = await LiveAwsReader.ReadAsync(new LiveAwsOptions { CallTimeout = TimeSpan.FromSeconds(5) }, null, cts.Token);

            Assert.Empty(result.Failures);
            Assert.Equal("eu-central-1", result.Region);
            Assert.All(server.Requests, r => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDENVEXAMPLE/", r.Authorization));
        }
        finally
        {
            foreach (var (name, value) in saved) Environment.SetEnvironmentVariable(name, value);
        }
    }
}
