using System.Text.Json;
using Kalc.Iac.Core;

namespace Kalc.Iac.Cli;

/// <summary>--config FILE: defaults for the command line as a JSON object whose keys are the long options without
/// dashes (format, fail-on, aws-state, k8s-state, kubespray-dir, region, cluster, strict, disable; docs/cli.md).
/// Flags given on the command line win.</summary>
internal static class ConfigFile
{
    /// <summary>A config file is a handful of settings; anything larger is not one (docs/robustness.md).</summary>
    public const long MaxBytes = 1L << 20;

    public static CliOptions Apply(CliOptions o, IReadOnlyList<string> args)
    {
        if (o.Config is not { } path) return o;
        if (!Path.Exists(path)) throw new InputException(new InputError(path, "no such config file"));
        var bytes = BoundedFile.ReadAll(path, path, MaxBytes, "a config file");
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
                    "strict" => o with { Strict = p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False ? p.Value.ValueKind == JsonValueKind.True : throw new InputException(new InputError(path, "'strict' must be true or false")) },
                    "disable" => o with { DisabledRules = o.DisabledRules.AddRange(Strings(p, path)) },
                    _ => throw new InputException(new InputError(path, $"unknown setting '{ErrorText.Excerpt(p.Name)}'")),
                };
            }
            return o;
        }).Unwrap();
    }

    private static IEnumerable<string> Strings(JsonProperty p, string path) =>
        p.Value.ValueKind == JsonValueKind.Array && p.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
            ? [.. p.Value.EnumerateArray().Select(e => e.GetString()!)]
            : throw new InputException(new InputError(path, "'disable' must be an array of rule ids (strings)"));

    private static string Str(JsonProperty p, string path) =>
        p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : throw new InputException(new InputError(path, $"'{ErrorText.Excerpt(p.Name)}' must be a string"));
}
