using Kalc.Iac.AwsModel.Live;
using Kalc.Iac.Core.Live;
using Kalc.Iac.KubeModel.Live;

namespace Kalc.Iac.Cli;

/// <summary>`kalc-iac snapshot --out DIR [--aws] [--k8s]`: writes live state as the files the offline readers take.</summary>
internal static class SnapshotCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliIo io, CancellationToken ct)
    {
        string? outDir = null, region = null, cluster = null, context = null;
        bool aws = false, k8s = false, quiet = false, strict = false;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--out": outDir = Value(); break;
                case "--aws": aws = true; break;
                case "--k8s": k8s = true; break;
                case "--region": region = Value(); break;
                case "--cluster": cluster = Value(); break;
                case "--context": context = Value(); break;
                case "--quiet" or "-q": quiet = true; break;
                case "--strict": strict = true; break;
                default: throw new UsageException($"unknown snapshot option {args[i]} (usage: kalc-iac snapshot --out DIR [--aws] [--k8s])");
            }
        }
        if (outDir is null) throw new UsageException("snapshot needs --out DIR");
        if (!aws && !k8s) { aws = true; k8s = true; }
        var progress = ProgressRenderer.For(quiet, io);
        var failures = new List<ReadFailure>();
        if (aws)
        {
            var r = await LiveAwsReader.ReadAsync(new LiveAwsOptions { Region = region, ClusterName = cluster }, progress, ct).ConfigureAwait(false);
            await StateDirectory.WriteAsync(Path.Combine(outDir, "aws"), r.Documents, ct).ConfigureAwait(false);
            failures.AddRange(r.Failures);
        }
        if (k8s)
        {
            var r = await LiveKubeReader.ReadAsync(new LiveKubeOptions { Context = context }, progress, ct).ConfigureAwait(false);
            await StateDirectory.WriteAsync(Path.Combine(outDir, "k8s"), r.Documents, ct).ConfigureAwait(false);
            failures.AddRange(r.Failures);
        }
        foreach (var f in failures) io.Err.WriteLine("kalc-iac: incomplete: " + f);
        io.Err.WriteLine($"kalc-iac: snapshot written to {outDir}{(failures.Count > 0 ? $" ({failures.Count} call(s) failed: the snapshot is incomplete)" : "")}");
        return failures.Count > 0 && strict ? ExitCodes.Incomplete : ExitCodes.Ok;
    }
}
