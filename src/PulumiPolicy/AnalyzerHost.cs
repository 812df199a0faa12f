using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kalc.Iac.PulumiPolicy;

/// <summary>Serves <c>pulumirpc.Analyzer</c> the way the engine expects a plugin to: HTTP/2 without TLS on a free
/// port of 127.0.0.1, the port written as the first line of stdout (pkg/resource/plugin/plugin.go reads that line
/// and dials 127.0.0.1:PORT). Runs until the engine kills the process, calls Cancel, or <paramref name="ct"/> fires.</summary>
public static class AnalyzerHost
{
    public static async Task RunAsync(PolicyPack pack, TextWriter stdout, CancellationToken ct)
    {
        await using var app = Build(pack);
        await app.StartAsync(ct).ConfigureAwait(false);
        await stdout.WriteLineAsync(Port(app).ToString(System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
        await stdout.FlushAsync(ct).ConfigureAwait(false);
        await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
    }

    /// <summary>A started host for tests: the port and a way to stop it.</summary>
    public static async Task<(WebApplication App, int Port)> StartAsync(PolicyPack pack, CancellationToken ct)
    {
        var app = Build(pack);
        await app.StartAsync(ct).ConfigureAwait(false);
        return (app, Port(app));
    }

    private static WebApplication Build(PolicyPack pack)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        // stdout belongs to the port line; the engine logs a plugin's stderr.
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(pack);
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = null);
        var app = builder.Build();
        app.MapGrpcService<AnalyzerService>();
        return app;
    }

    private static int Port(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address).Port;
    }
}
