using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Cli;

/// <summary>Parses the main command's arguments. Unknown flags and missing values are usage errors (exit 2).</summary>
public static class ArgumentParser
{
    public static readonly string[] Formats = ["text", "json", "sarif", "markdown"];

    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        var o = new CliOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            string? inlineValue = null;
            if (a.StartsWith("--", StringComparison.Ordinal) && a.IndexOf('=', StringComparison.Ordinal) is var eq and > 2)
            {
                inlineValue = a[(eq + 1)..];
                a = a[..eq];
            }
            string Value()
            {
                if (inlineValue is not null) return inlineValue;
                if (i + 1 >= args.Count || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2))
                    throw new UsageException($"{a} needs a value");
                return args[++i];
            }
            o = a switch
            {
                "--aws-state" => o with { AwsState = Value() },
                "--k8s-state" => o with { K8sState = Value() },
                "--kubespray" => o with { Kubespray = Value() },
                "--kubespray-dir" => o with { KubesprayDir = Value() },
                "--kubespray-version" => o with { KubesprayVersion = Value() },
                "--kubespray-baseline" => o with { KubesprayBaseline = Value() },
                "--extra-vars" or "-e" => o with { ExtraVars = o.ExtraVars.Add(Value()) },
                "--source" => o with { Source = Value() },
                "--format" or "-f" => Format(o, Value()),
                "--fail-on" => o with { FailOn = CheckSeverity(Value()) },
                "--output" or "-o" => o with { Output = Value() },
                "--config" => o with { Config = Value() },
                "--region" => o with { Region = Value() },
                "--cluster" => o with { Cluster = Value() },
                "--context" => o with { KubeContext = Value() },
                "--disable" => o with { DisabledRules = o.DisabledRules.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) },
                "--strict" => o with { Strict = true },
                "--quiet" or "-q" => o with { Quiet = true },
                "--verbose" or "-v" => o with { Verbose = true },
                "--no-color" => o with { NoColor = true },
                "-" => SetPlan(o, "-"),
                _ when a.StartsWith('-') => throw new UsageException($"unknown option {a} (see kalc-iac --help)"),
                _ => SetPlan(o, a),
            };
        }
        return o;
    }

    /// <summary>"--format json" sets the main report's format; "--format sarif=FILE" adds a report in a file.</summary>
    private static CliOptions Format(CliOptions o, string value) =>
        ReportTarget.TryParse(value) is { } target ? o with { Outputs = o.Outputs.Add(target) } : o with { Format = CheckFormat(value) };

    private static CliOptions SetPlan(CliOptions o, string plan) =>
        o.Plan is null ? o with { Plan = plan } : throw new UsageException($"more than one plan given ({o.Plan} and {plan})");

    public static string CheckFormat(string f) =>
        Formats.Contains(f) ? f : throw new UsageException($"--format must be one of {string.Join(", ", Formats)} (got '{f}')");

    public static Severity CheckSeverity(string s) =>
        SeverityNames.TryParse(s, out var sev) ? sev : throw new UsageException($"--fail-on must be one of info, low, medium, high, critical (got '{s}')");
}
