using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kalc.Iac.Core;
using Microsoft.Extensions.Hosting;
using Pulumirpc;

namespace Kalc.Iac.PulumiPolicy;

/// <summary><c>pulumirpc.Analyzer</c> (proto/pulumi/analyzer.proto): thin, every call goes to the <see cref="PolicyPack"/>.
/// Bad settings or unreadable state end the call with InvalidArgument, which the engine shows and stops on.</summary>
internal sealed class AnalyzerService(PolicyPack pack, IHostApplicationLifetime lifetime) : Analyzer.AnalyzerBase
{
    public override Task<AnalyzerHandshakeResponse> Handshake(AnalyzerHandshakeRequest request, ServerCallContext context) =>
        Task.FromResult(new AnalyzerHandshakeResponse());

    public override Task<PluginInfo> GetPluginInfo(Empty request, ServerCallContext context) =>
        Task.FromResult(new PluginInfo { Version = Reporting.ToolInfo.Version });

    public override Task<AnalyzerInfo> GetAnalyzerInfo(Empty request, ServerCallContext context) => Task.FromResult(pack.Info());

    public override Task<AnalyzerStackConfigureResponse> ConfigureStack(AnalyzerStackConfigureRequest request, ServerCallContext context)
    {
        pack.ConfigureStack(request);
        return Task.FromResult(new AnalyzerStackConfigureResponse());
    }

    public override Task<Empty> Configure(ConfigureAnalyzerRequest request, ServerCallContext context) =>
        Guard(() =>
        {
            pack.Configure(request);
            return Task.FromResult(new Empty());
        });

    public override Task<AnalyzeResponse> Analyze(AnalyzeRequest request, ServerCallContext context) =>
        Guard(() => pack.AnalyzeAsync(request, context.CancellationToken));

    public override Task<AnalyzeResponse> AnalyzeStack(AnalyzeStackRequest request, ServerCallContext context) =>
        Guard(() => pack.AnalyzeStackAsync(request, context.CancellationToken));

    /// <summary>kalc-iac does not rewrite resources.</summary>
    public override Task<RemediateResponse> Remediate(AnalyzeRequest request, ServerCallContext context) =>
        Task.FromResult(new RemediateResponse());

    public override Task<Empty> Cancel(Empty request, ServerCallContext context)
    {
        lifetime.StopApplication();
        return Task.FromResult(new Empty());
    }

    private static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (Cause(e) is PackConfigException or InputException)
        {
            var cause = Cause(e);
            var message = cause is InputException input ? input.Error.ToString() : cause.Message;
            throw new RpcException(new Status(StatusCode.InvalidArgument, "kalc-iac: " + message.ReplaceLineEndings(" ")));
        }
    }

    private static Exception Cause(Exception e) =>
        e is AggregateException a && a.Flatten().InnerExceptions is { Count: > 0 } inner ? inner[0] : e;
}
