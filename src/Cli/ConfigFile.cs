using System.Text.Json;
using Kalc.Iac.Core;

namespace Kalc.Iac.Cli;

/// <summary>--config FILE: defaults for the command line as a JSON object whose keys are the long options without
/// dashes (format, fail-on, aws-state, k8s-state, kubespray-dir, region, cluster, strict, disable; docs/cli.md).
/// Flags given on the command line win.</summary>
internal static class ConfigFile
{
    public static CliOptions Apply(CliOptions o, IReadOnlyList<string> args)
    {
        if (o.Config is not { } path) return o;
        if (!File.Exists(path)) throw new InputException(new InputError(path, "no such config file"));
        var bytes = File.ReadAllBytes(path);
        return ParseResult<CliOptions>.Catch(path, () =>
        {
            using var doc = JsonDocument.Parse(InputText.ToUtf8(bytes, path), JsonLimits.DocumentOptions);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new InputException(new InputError(path, "a config file is a JSON object"));
            var given = args.Select(a => a.Split('=')[0]).ToHashSet(StringComparer.Ordinal);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (given.Contains("--" + p.Name)) continue;
                o = p.Name switch
                {
                    "format" => o with { Format = ArgumentParser.CheckFormat(Str(p, path)) },
                    "fail-on" => o with { FailOn = ArgumentParser.CheckSeverity(Str(p, path)) },
                    "aws-state" => o with { AwsState = Str(p, path) },
                    "k8s-state" => o with { K8sState = Str(p, path) },
                    "kubespray-dir" => o with { KubesprayDir = Str(p, path) },
                    "region" => o with { Region = Str(p, path) },
                    "cluster" => o with { Cluster = Str(p, path) },
                    "strict" => o with { Strict = p.Value.ValueKind == JsonValueKind.True },
                    "disable" => o with { DisabledRules = o.DisabledRules.AddRange(p.Value.EnumerateArray().Select(e => e.GetString() ?? "")) },
                    _ => throw new InputException(new InputError(path, $"unknown setting '{p.Name}'")),
                };
            }
            return o;
        }).Unwrap();
    }

    private static string Str(JsonProperty p, string path) =>
        p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : throw new InputException(new InputError(path, $"'{p.Name}' must be a string"));
}
