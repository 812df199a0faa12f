using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.AwsModel.Dumps;
using Kalc.Iac.AwsModel.Live;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;
using Kalc.Iac.Core.Live;
using Kalc.Iac.KubeModel.Live;
using Kalc.Iac.KubeModel.Model;
using Kalc.Iac.KubeModel.Readers;

namespace Kalc.Iac.Cli;

/// <summary>Builds the World before the change from dumps or live reads. Live reads produce the same documents the
/// offline readers parse, so live and snapshot-then-offline give the same answer.</summary>
internal static class WorldLoader
{
    public static async Task<World> LoadAsync(CliOptions o, IProgress<ReadProgress>? progress, CancellationToken ct)
    {
        var awsTask = o.AwsState switch
        {
            null => Task.FromResult(AwsState.Empty),
            "live" => ReadAwsLiveAsync(o, progress, ct),
            var dir => Task.Run(() => ReadAwsDir(dir), ct),
        };
        var kubeTask = o.K8sState switch
        {
            null => Task.FromResult(KubeState.Empty),
            "live" => ReadKubeLiveAsync(o, progress, ct),
            var path => Task.Run(() => KubeStateDirectory.Read(path).Unwrap(), ct),
        };
        var aws = await awsTask.ConfigureAwait(false);
        var kube = await kubeTask.ConfigureAwait(false);
        var notes = ImmutableArray<string>.Empty;
        if (o.AwsState is null) notes = notes.Add("no AWS state given (--aws-state): changes are judged without knowing who uses what");
        return new World(aws, kube) { Notes = notes };
    }

    private static AwsState ReadAwsDir(string dir)
    {
        if (!Directory.Exists(dir)) throw new InputException(new InputError(dir, Path.Exists(dir) ? "--aws-state must be a directory of aws-cli outputs (or 'live')" : "no such directory"));
        return AwsDumpDirectory.Read(dir).Unwrap();
    }

    private static async Task<AwsState> ReadAwsLiveAsync(CliOptions o, IProgress<ReadProgress>? progress, CancellationToken ct)
    {
        var result = await LiveAwsReader.ReadAsync(new LiveAwsOptions { Region = o.Region, ClusterName = o.Cluster }, progress, ct).ConfigureAwait(false);
        var state = AwsDumpDirectory.Read(result.Documents.Select(d => (d.FileName, d.Json))).Unwrap();
        return state with
        {
            AccountId = result.Account ?? state.AccountId,
            Region = result.Region ?? state.Region,
            Missing = state.Missing.AddRange(result.Failures.Select(f => f.ToString())),
        };
    }

    private static async Task<KubeState> ReadKubeLiveAsync(CliOptions o, IProgress<ReadProgress>? progress, CancellationToken ct)
    {
        var result = await LiveKubeReader.ReadAsync(new LiveKubeOptions { Context = o.KubeContext }, progress, ct).ConfigureAwait(false);
        var state = KubeStateReader.Read(result.Documents.Select(d => (d.FileName, d.Json))).Unwrap();
        return state with { Missing = state.Missing.AddRange(result.Failures.Select(f => f.ToString())) };
    }
}
