using System.Collections.Immutable;
using Google.Protobuf.WellKnownTypes;
using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.PulumiPolicy;

/// <summary>What the pack needs besides the stack: where the AWS and Kubernetes state come from, where the stack
/// before the update comes from, and the rule settings. Set as properties of the <c>kalc-iac-state</c> policy (or of
/// <c>all</c>) in a <c>--policy-pack-config</c> file, or as runtime options in PulumiPolicy.yaml (which the engine
/// passes as <c>-name=value</c> arguments). Relative paths are resolved against the pack directory.</summary>
public sealed record PackSettings
{
    /// <summary>A directory of aws-cli outputs, or "live".</summary>
    public string? AwsState { get; init; }

    /// <summary>A file or directory of kubectl JSON / YAML, "live", or a kube context name (live, that context).</summary>
    public string? K8sState { get; init; }

    public string? KubeContext { get; init; }

    public string? Region { get; init; }

    public string? Cluster { get; init; }

    /// <summary>A file holding <c>pulumi stack export</c> output for the stack before the update; when null the pack
    /// runs <c>pulumi stack export</c> itself.</summary>
    public string? StackExport { get; init; }

    /// <summary>Under a mandatory policy, findings at or above this severity are mandatory, those below advisory.</summary>
    public Severity FailOn { get; init; } = Severity.High;

    public ImmutableArray<string> Disable { get; init; } = [];

    /// <summary>The names of the settings, as they appear in config and in the state policy's config schema.</summary>
    public static readonly ImmutableArray<string> Names = ["awsState", "k8sState", "kubeContext", "region", "cluster", "stackExport", "failOn", "disable"];

    /// <summary>Runtime options from PulumiPolicy.yaml, which the engine passes as <c>-name=value</c> arguments.</summary>
    public PackSettings WithOptions(IEnumerable<KeyValuePair<string, string>> options, string baseDirectory) =>
        With(options.ToDictionary(o => o.Key, o => Value.ForString(o.Value), StringComparer.Ordinal), baseDirectory);

    /// <summary>Lays <paramref name="values"/> over these settings; a value of the wrong type is an error naming it.</summary>
    public PackSettings With(IReadOnlyDictionary<string, Value> values, string baseDirectory)
    {
        var s = this;
        foreach (var (key, value) in values)
        {
            s = key switch
            {
                "awsState" => s with { AwsState = PathOrLive(Text(key, value), baseDirectory) },
                "k8sState" => K8s(s, Text(key, value), baseDirectory),
                "kubeContext" => s with { KubeContext = Text(key, value) },
                "region" => s with { Region = Text(key, value) },
                "cluster" => s with { Cluster = Text(key, value) },
                "stackExport" => s with { StackExport = Resolve(Text(key, value), baseDirectory) },
                "failOn" => s with { FailOn = ParseSeverity(Text(key, value)) },
                "disable" => s with { Disable = List(key, value) },
                _ => s,
            };
        }
        return s;
    }

    /// <summary>A k8sState that is neither "live" nor an existing path names a kube context: read live from it.</summary>
    private static PackSettings K8s(PackSettings s, string? value, string baseDirectory)
    {
        if (value is null or "live") return s with { K8sState = value };
        var path = Resolve(value, baseDirectory)!;
        var looksLikePath = Path.Exists(path) || value.Contains('/', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal) || value.Contains('.', StringComparison.Ordinal);
        return looksLikePath ? s with { K8sState = path } : s with { K8sState = "live", KubeContext = value };
    }

    private static string? PathOrLive(string? value, string baseDirectory) => value is null or "live" ? value : Resolve(value, baseDirectory);

    private static string? Resolve(string? value, string baseDirectory) =>
        string.IsNullOrEmpty(value) ? null : Path.GetFullPath(value, baseDirectory);

    private static Severity ParseSeverity(string? text) =>
        System.Enum.TryParse<Severity>(text, ignoreCase: true, out var s) && System.Enum.IsDefined(s)
            ? s
            : throw new PackConfigException($"failOn: \"{text}\" is not a severity (info, low, medium, high, critical)");

    private static string? Text(string key, Value value) => value.KindCase switch
    {
        Value.KindOneofCase.StringValue => value.StringValue.Length == 0 ? null : value.StringValue,
        Value.KindOneofCase.NullValue => null,
        _ => throw new PackConfigException($"{key}: expected a string"),
    };

    private static ImmutableArray<string> List(string key, Value value) => value.KindCase switch
    {
        Value.KindOneofCase.ListValue => [.. value.ListValue.Values.Select(v => Text(key, v)).OfType<string>()],
        Value.KindOneofCase.StringValue => [.. value.StringValue.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        Value.KindOneofCase.NullValue => [],
        _ => throw new PackConfigException($"{key}: expected a list of rule ids"),
    };
}

/// <summary>A pack setting that cannot be used; the engine shows the message and stops.</summary>
public sealed class PackConfigException(string message) : Exception(message);
