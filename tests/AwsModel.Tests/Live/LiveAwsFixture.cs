using Amazon.Runtime;
using Kalc.Iac.AwsModel.Live;
using Kalc.Iac.AwsModel.Live.Signed;
using Kalc.Iac.Core.Live;
using Kalc.Iac.Tests.Live.Fakes;

namespace Kalc.Iac.AwsModel.Tests.Live;

/// <summary>Options that point every client at a fake endpoint with static fake credentials, so nothing
/// looks up IMDS or a profile, retries fast and times out fast.</summary>
internal static class LiveAwsFixture
{
    public static LiveAwsOptions Options(Uri endpoint, int maxAttempts = 3) => new()
    {
        Region = "us-west-2",
        Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        EndpointOverrides = new AwsEndpoints { Global = endpoint },
        CallTimeout = TimeSpan.FromSeconds(5),
        Retry = new Kalc.Iac.AwsModel.Live.Signed.RetryPolicy { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
    };

    public static async Task<LiveReadResult> ReadAsync(FakeAwsAccount account, Func<LiveAwsOptions, LiveAwsOptions>? adjust = null)
    {
        await using var server = new FakeHttpServer(account.Handle);
        var options = Options(server.Url);
        if (adjust is not null) options = adjust(options);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await LiveAwsReader.ReadAsync(options, null, cts.Token);
    }

    public static System.Text.Json.Nodes.JsonNode Document(LiveReadResult result, string fileName) =>
        System.Text.Json.Nodes.JsonNode.Parse(result.Documents.Single(d => d.FileName == fileName).Json.Span)!;
}
