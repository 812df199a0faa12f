using Kalc.Iac.Core.Live;
using Kalc.Iac.KubeModel.Live;
using Kalc.Iac.Tests.Live.Fakes;

namespace Kalc.Iac.KubeModel.Tests.Live;

/// <summary>Runs the reader against a fake API server through a real kubeconfig file, as a user would.</summary>
internal static class LiveKubeFixture
{
    public const string Token = FakeKubeApi.Token;

    public static async Task<(LiveReadResult Result, List<FakeRequest> Requests)> ReadAsync(FakeKubeApi api, Func<LiveKubeOptions, LiveKubeOptions>? adjust = null, IProgress<ReadProgress>? progress = null)
    {
        await using var server = new FakeHttpServer(api.Handle);
        var kubeconfig = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(kubeconfig, Kubeconfig(server.Url));
            var options = new LiveKubeOptions { KubeconfigPath = kubeconfig, PageSize = 2, CallTimeout = TimeSpan.FromSeconds(5) };
            if (adjust is not null) options = adjust(options);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var result = await LiveKubeReader.ReadAsync(options, progress, cts.Token);
            return (result, server.Requests.ToList());
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    public static string Kubeconfig(Uri server) => FakeKubeApi.Kubeconfig(server);

    public static System.Text.Json.Nodes.JsonNode Document(LiveReadResult result, string fileName) =>
        System.Text.Json.Nodes.JsonNode.Parse(result.Documents.Single(d => d.FileName == fileName).Json.Span)!;
}
