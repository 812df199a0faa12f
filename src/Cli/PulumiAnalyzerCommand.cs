using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules;
using Kalc.Iac.PulumiPolicy;

namespace Kalc.Iac.Cli;

/// <summary><c>kalc-iac pulumi-analyzer ENGINE_ADDRESS [DIR] [-name=value ...]</c>: serves Pulumi's analyzer protocol as a
/// policy pack (docs/pulumi-policy.md). The engine starts <c>pulumi-analyzer-policy-kalc-iac ENGINE_ADDRESS .</c> in
/// the pack directory and adds the runtime options of PulumiPolicy.yaml as <c>-name=value</c>
/// (pkg/resource/plugin/analyzer_plugin.go); <see cref="PluginInvocation"/> maps that name to this command.</summary>
internal static class PulumiAnalyzerCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliIo io, CancellationToken ct)
    {
        var positional = args.Where(a => !IsOption(a)).ToList();
        if (positional.Count is 0 or > 2 || args.Any(a => a.StartsWith('-') && !IsOption(a)))
            throw new UsageException("usage: kalc-iac pulumi-analyzer ENGINE_ADDRESS [DIR] [-name=value ...] (started by the Pulumi engine; see docs/pulumi-policy.md)");
        var dir = Path.GetFullPath(positional.Count > 1 ? positional[1] : ".");
        if (!Directory.Exists(dir)) throw new UsageException($"pulumi-analyzer: {dir}: no such directory");
        PackSettings settings;
        try
        {
            settings = new PackSettings().WithOptions(args.Where(IsOption).Select(Option), dir);
        }
        catch (PackConfigException e)
        {
            throw new UsageException("pulumi-analyzer: " + e.Message);
        }
        var pack = new PolicyPack(new PackPolicies(RuleRegistry.All), LoadWorldAsync, settings, dir, io.Env);
        await AnalyzerHost.RunAsync(pack, io.Out, ct).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static async Task<World> LoadWorldAsync(PackSettings s, CancellationToken ct)
    {
        var options = new CliOptions { AwsState = s.AwsState, K8sState = s.K8sState, Region = s.Region, Cluster = s.Cluster, KubeContext = s.KubeContext };
        var world = await WorldLoader.LoadAsync(options, progress: null, ct).ConfigureAwait(false);
        // The loader's note names --aws-state; the pack says it in its own words (Diagnostics.ForUnknowns).
        return s.AwsState is null ? world with { Notes = [] } : world;
    }

    private static bool IsOption(string a) => a.Length > 2 && a[0] == '-' && a[1] != '-' && a.IndexOf('=', StringComparison.Ordinal) > 1;

    private static KeyValuePair<string, string> Option(string a)
    {
        var eq = a.IndexOf('=', StringComparison.Ordinal);
        return new(a[1..eq], a[(eq + 1)..]);
    }
}
