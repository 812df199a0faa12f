using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using Pulumirpc;

namespace Kalc.Iac.PulumiPolicy.Tests.Engine;

/// <summary>Starts a policy pack plugin the way the engine does (pkg/resource/plugin/plugin.go): a process with the
/// engine address (and for the runtime route <c>.</c>) as arguments, its first line of stdout the port, then an
/// insecure gRPC connection to 127.0.0.1:PORT.</summary>
public sealed class PluginProcess : IDisposable
{
    private readonly Process _process;
    private readonly GrpcChannel _channel;

    private PluginProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        Client = new Analyzer.AnalyzerClient(_channel);
    }

    public int Port { get; }

    public Analyzer.AnalyzerClient Client { get; }

    public static PluginProcess Start(string executable, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string?> env)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in env) start.Environment[k] = v;
        var process = Process.Start(start)!;
        var firstLine = process.StandardOutput.ReadLineAsync();
        if (!firstLine.Wait(TimeSpan.FromSeconds(90)) || firstLine.Result is not { } line)
        {
            var exited = process.HasExited;
            process.Kill(true);
            throw new InvalidOperationException($"the plugin wrote no port (exited: {exited}): {process.StandardError.ReadToEnd()}");
        }
        return new PluginProcess(process, int.Parse(line.Trim(), NumberStyles.None, CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        _channel.Dispose();
        // The engine ends a plugin by killing its process (plugin.Close).
        if (!_process.HasExited) _process.Kill(true);
        _process.WaitForExit(10_000);
        _process.Dispose();
    }
}
