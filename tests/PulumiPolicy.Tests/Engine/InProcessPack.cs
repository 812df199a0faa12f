using Grpc.Net.Client;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules;
using Kalc.Iac.AwsModel.Dumps;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.KubeModel.Model;
using Kalc.Iac.KubeModel.Readers;
using Microsoft.AspNetCore.Builder;
using Pulumirpc;

namespace Kalc.Iac.PulumiPolicy.Tests.Engine;

/// <summary>The pack served in this process on a free port, with the state read from dump directories and PATH set to
/// the given directory (where a fake <c>pulumi</c> lives).</summary>
public sealed class InProcessPack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private InProcessPack(WebApplication app, int port, PolicyPack pack)
    {
        _app = app;
        Pack = pack;
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        Client = new Analyzer.AnalyzerClient(_channel);
    }

    public PolicyPack Pack { get; }

    public Analyzer.AnalyzerClient Client { get; }

    public static async Task<InProcessPack> StartAsync(string packDirectory, string? pathDirectory)
    {
        var pack = new PolicyPack(new PackPolicies(RuleRegistry.All), LoadWorld, new PackSettings(), packDirectory,
            name => name == "PATH" ? pathDirectory : null);
        var (app, port) = await AnalyzerHost.StartAsync(pack, CancellationToken.None);
        return new InProcessPack(app, port, pack);
    }

    /// <summary>The examples' state, read by the same dump readers the CLI uses.</summary>
    public static Task<World> LoadWorld(PackSettings s, CancellationToken ct)
    {
        var aws = s.AwsState is { } dir ? AwsDumpDirectory.Read(dir).Unwrap() : AwsState.Empty;
        var kube = s.K8sState is { } path ? KubeStateDirectory.Read(path).Unwrap() : KubeState.Empty;
        return Task.FromResult(new World(aws, kube));
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
