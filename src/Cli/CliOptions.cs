using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Cli;

/// <summary>The parsed command line of the main command (see docs/cli.md).</summary>
public sealed record CliOptions
{
    /// <summary>Plan file path, "-" for stdin, or null when reading stdin implicitly or running kubespray only.</summary>
    public string? Plan { get; init; }

    /// <summary>A directory of aws-cli outputs, or "live".</summary>
    public string? AwsState { get; init; }

    /// <summary>A file or directory of kubectl JSON / YAML, or "live".</summary>
    public string? K8sState { get; init; }

    public string? Kubespray { get; init; }

    public string? KubesprayDir { get; init; }

    public string? KubesprayVersion { get; init; }

    public string? KubesprayBaseline { get; init; }

    public ImmutableArray<string> ExtraVars { get; init; } = [];

    public string? Source { get; init; }

    /// <summary>--var-file FILE (repeatable): variable values read after the auto-loaded .tfvars, in the order given.</summary>
    public ImmutableArray<string> VarFiles { get; init; } = [];

    public string Format { get; init; } = "text";

    public Severity FailOn { get; init; } = Severity.High;

    public string? Output { get; init; }

    /// <summary>Further reports of the same analysis, each in its own file (<c>--format FORMAT=FILE</c>, repeatable).</summary>
    public ImmutableArray<ReportTarget> Outputs { get; init; } = [];

    /// <summary>Text: every finding with its evidence chain instead of the short incident view.</summary>
    public bool Verbose { get; init; }

    public string? Config { get; init; }

    public bool Strict { get; init; }

    public bool Quiet { get; init; }

    public bool NoColor { get; init; }

    public string? Region { get; init; }

    public string? Cluster { get; init; }

    public string? KubeContext { get; init; }

    public ImmutableArray<string> DisabledRules { get; init; } = [];

    /// <summary>The arguments as parsed (response files expanded, `--opt=value` split): what --config must not override.</summary>
    public ImmutableArray<string> Tokens { get; init; } = [];
}
