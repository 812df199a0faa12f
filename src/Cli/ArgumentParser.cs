using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Cli;

/// <summary>Parses the main command's arguments with System.CommandLine: `--opt value`, `--opt=value`, `--opt:value`,
/// response files (`@FILE`, one token per line), and the `[suggest]` directive that shell completion
/// (dotnet-suggest) calls. Unknown options (with a "did you mean"), missing values and a second plan are usage
/// errors (exit 2, one line).</summary>
public static class ArgumentParser
{
    public static readonly string[] Formats = ["text", "json", "sarif", "markdown"];

    private static readonly Option<string> AwsState = Value("--aws-state", "aws-cli JSON outputs (docs/formats-state.md), or `live`");
    private static readonly Option<string> K8sState = Value("--k8s-state", "kubectl get -o json / YAML manifests, or `live`");
    private static readonly Option<string> Kubespray = Value("--kubespray", "analyse what a kubespray run over this inventory would apply");
    private static readonly Option<string> KubesprayDir = Value("--kubespray-dir", "kubespray checkout for role defaults");
    private static readonly Option<string> KubesprayVersion = Value("--kubespray-version", "bundled defaults to use when no checkout is given");
    private static readonly Option<string> KubesprayBaseline = Value("--kubespray-baseline", "compare against this inventory");
    private static readonly Option<string[]> ExtraVars = Repeated("--extra-vars", "extra vars as given to ansible-playbook -e", "-e");
    private static readonly Option<string> Source = Value("--source", "the Terraform configuration: findings point at its .tf lines");
    private static readonly Option<string[]> VarFile = Repeated("--var-file", "variable values for the --source configuration (after terraform.tfvars and *.auto.tfvars)");
    private static readonly Option<string[]> Format = Repeated("--format", "text, json, sarif, markdown; FORMAT=FILE writes that format to FILE too", "-f");
    private static readonly Option<string> FailOn = Value("--fail-on", "exit 1 for findings at or above it (default high)");
    private static readonly Option<string> Output = Value("--output", "write the report there instead of stdout", "-o");
    private static readonly Option<string> Config = Value("--config", "defaults for these options (a JSON object)");
    private static readonly Option<string> Region = Value("--region", "AWS region for live reads");
    private static readonly Option<string> Cluster = Value("--cluster", "EKS cluster name for live reads");
    private static readonly Option<string> Context = Value("--context", "kubeconfig context for live reads");
    private static readonly Option<string[]> Disable = Repeated("--disable", "rule ids to skip, comma-separated");
    private static readonly Option<bool> Strict = Flag("--strict", "exit 3 when the verdict is incomplete");
    private static readonly Option<bool> Quiet = Flag("--quiet", "no progress on stderr", "-q");
    private static readonly Option<bool> NoColor = Flag("--no-color", "no colour (NO_COLOR is honoured too)");
    private static readonly Option<bool> Verbose = Flag("--verbose", "text: every finding with its evidence chain", "-v");
    private static readonly Argument<string[]> Plan = new("PLAN") { Arity = ArgumentArity.ZeroOrMore, Description = "the plan file, or - for stdin" };

    private static readonly Option[] ValueOptions =
        [AwsState, K8sState, Kubespray, KubesprayDir, KubesprayVersion, KubesprayBaseline, ExtraVars, Source, VarFile, Format, FailOn, Output, Config, Region, Cluster, Context, Disable];

    /// <summary>The main command; the sub-commands are listed so completion offers them (KalcIacCli dispatches them).</summary>
    private static RootCommand Root()
    {
        var root = new RootCommand("kalc-iac - predict which parts of a Kubernetes cluster an infrastructure change breaks, and when.");
        foreach (var option in ValueOptions) root.Add(option);
        foreach (var flag in new[] { Strict, Quiet, NoColor, Verbose }) root.Add(flag);
        root.Add(Plan);
        foreach (var sub in new[] { "snapshot", "rules", "explain" }) root.Add(new Command(sub));
        // The analysis itself runs in AnalyzeCommand; an action on the root only makes it runnable without a sub-command.
        root.SetAction(_ => ExitCodes.Ok);
        return root;
    }

    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        var result = Root().Parse(args);
        if (result.Errors.Count > 0) throw new UsageException(Describe(result.Errors[0]));
        var plans = result.GetValue(Plan) ?? [];
        foreach (var plan in plans)
            if (plan.StartsWith('-') && plan != "-") throw new UsageException(UnknownOption(plan));
        if (plans.Length > 1) throw new UsageException($"more than one plan given ({plans[0]} and {plans[1]})");
        var o = new CliOptions
        {
            Plan = plans.FirstOrDefault(),
            AwsState = Text(result, AwsState),
            K8sState = Text(result, K8sState),
            Kubespray = Text(result, Kubespray),
            KubesprayDir = Text(result, KubesprayDir),
            KubesprayVersion = Text(result, KubesprayVersion),
            KubesprayBaseline = Text(result, KubesprayBaseline),
            ExtraVars = [.. Texts(result, ExtraVars)],
            Source = Text(result, Source),
            VarFiles = [.. Texts(result, VarFile)],
            FailOn = Text(result, FailOn) is { } failOn ? CheckSeverity(failOn) : Severity.High,
            Output = Text(result, Output),
            Config = Text(result, Config),
            Region = Text(result, Region),
            Cluster = Text(result, Cluster),
            KubeContext = Text(result, Context),
            DisabledRules = [.. Texts(result, Disable).SelectMany(d => d.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
            Strict = result.GetValue(Strict),
            Quiet = result.GetValue(Quiet),
            NoColor = result.GetValue(NoColor),
            Verbose = result.GetValue(Verbose),
            Tokens = [.. result.Tokens.Select(t => t.Value)],
        };
        // --format NAME sets the main report (the last one wins); --format NAME=FILE adds a report in a file.
        foreach (var value in Texts(result, Format))
            o = ReportTarget.TryParse(value) is { } target ? o with { Outputs = o.Outputs.Add(target) } : o with { Format = CheckFormat(value) };
        return o;
    }

    /// <summary>What System.CommandLine answers without running the analysis: shell completion
    /// (`kalc-iac [suggest:POSITION] "COMMAND LINE"` prints the candidates, one a line, as dotnet-suggest's shell shims
    /// call it) and `--help`/`-h` anywhere on the line. False when the arguments ask for an analysis.</summary>
    public static bool TryAnswer(IReadOnlyList<string> args, TextWriter output, out int exitCode)
    {
        exitCode = ExitCodes.Ok;
        var root = Root();
        var result = root.Parse(args);
        if (root.Directives.OfType<SuggestDirective>().Any(d => result.GetResult(d) is not null))
        {
            exitCode = result.Invoke(new InvocationConfiguration { Output = output, Error = output });
            return true;
        }
        if (result.Action is HelpAction)
        {
            output.WriteLine(HelpText.Main);
            return true;
        }
        return false;
    }

    public static string CheckFormat(string f) =>
        Formats.Contains(f) ? f : throw new UsageException($"--format must be one of {string.Join(", ", Formats)} (got '{f}')");

    public static Severity CheckSeverity(string s) =>
        SeverityNames.TryParse(s, out var sev) ? sev : throw new UsageException($"--fail-on must be one of info, low, medium, high, critical (got '{s}')");

    private static string Describe(ParseError error) => error.SymbolResult switch
    {
        OptionResult { Tokens.Count: 0 } option => $"{option.Option.Name} needs a value",
        _ => error.Message.TrimEnd('.'),
    };

    /// <summary>"unknown option --frmat (did you mean --format?)": the closest option names by edit distance.</summary>
    private static string UnknownOption(string given)
    {
        var name = given.Split('=', ':')[0];
        var known = Root().Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct();
        var close = known.Select(n => (Name: n, Distance: EditDistance(name, n)))
            .Where(x => x.Distance <= Math.Max(2, name.Length / 4))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal).Take(2).Select(x => x.Name).ToList();
        var hint = close.Count > 0 ? $" (did you mean {string.Join(" or ", close)}?)" : "";
        return $"unknown option {name}{hint} (see kalc-iac --help)";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>The value of a single-valued option, or null when absent; another option's name is not a value
    /// (`--aws-state --strict` is a missing value, as before the switch to System.CommandLine).</summary>
    private static string? Text(ParseResult result, Option<string> option) =>
        result.GetValue(option) is { } value ? NotAnOption(option, value) : null;

    private static IEnumerable<string> Texts(ParseResult result, Option<string[]> option) =>
        (result.GetValue(option) ?? []).Select(v => NotAnOption(option, v));

    private static string NotAnOption(Option option, string value) =>
        value.StartsWith("--", StringComparison.Ordinal) && value.Length > 2 && Root().Options.Any(o => o.Name == value || o.Aliases.Contains(value))
            ? throw new UsageException($"{option.Name} needs a value")
            : value;

    private static Option<string> Value(string name, string description, params string[] aliases) =>
        new(name, aliases) { Description = description };

    private static Option<string[]> Repeated(string name, string description, params string[] aliases) =>
        new(name, aliases) { Description = description, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };

    private static Option<bool> Flag(string name, string description, params string[] aliases) =>
        new(name, aliases) { Description = description };
}
