using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Kalc.Iac.Cli.Tests.Integrations;

/// <summary>Runs a composite action's steps as the GitHub Actions runner does (actions/runner, docs.github.com
/// "Metadata syntax for GitHub Actions" and "Workflow syntax: jobs.&lt;job_id&gt;.steps[*].shell"):
/// - an input not given takes its `default`; `${{ expr }}` in `env:` and `if:` is evaluated to a string first
///   (inputs, steps.&lt;id&gt;.outputs, github, runner), and the string is put in the step's environment as it is;
/// - a `run:` step with `shell: bash` is written to a file and run as `bash --noprofile --norc -eo pipefail FILE`,
///   with GITHUB_ACTION_PATH, GITHUB_OUTPUT (key=value lines, read back as the step's outputs), GITHUB_STEP_SUMMARY,
///   RUNNER_TEMP and GITHUB_WORKSPACE set; a failing step stops the action;
/// - `uses:` steps (actions/cache, actions/setup-dotnet) are not run here: the tests give `binary`, so their `if:` is false.</summary>
internal sealed class ActionsRunner(string actionDirectory, string workspace, string runnerTemp)
{
    private static readonly Regex Expression = new(@"\$\{\{\s*(.*?)\s*\}\}", RegexOptions.Compiled);

    public Dictionary<string, Dictionary<string, string>> StepOutputs { get; } = [];

    public string Summary => File.Exists(SummaryFile) ? File.ReadAllText(SummaryFile) : "";

    private string SummaryFile => Path.Combine(runnerTemp, "step_summary.md");

    public static YamlMappingNode Load(string actionDirectory)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(actionDirectory, "action.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    /// <summary>Runs every step; returns the exit code and output of the step that failed, or of the last one run.</summary>
    public HostProcess Run(IReadOnlyDictionary<string, string> given, IReadOnlyDictionary<string, string>? github = null)
    {
        var action = Load(actionDirectory);
        var inputs = new Dictionary<string, string>();
        foreach (var (key, value) in (YamlMappingNode)action["inputs"])
        {
            var name = ((YamlScalarNode)key).Value!;
            var spec = (YamlMappingNode)value;
            inputs[name] = given.TryGetValue(name, out var v) ? v
                : spec.Children.TryGetValue("default", out var d) ? Evaluate(((YamlScalarNode)d).Value ?? "", inputs, github) : "";
        }
        HostProcess last = new(0, "", "");
        var steps = (YamlSequenceNode)((YamlMappingNode)action["runs"])["steps"];
        foreach (var node in steps.Children.Cast<YamlMappingNode>())
        {
            if (node.Children.TryGetValue("if", out var condition) && !Condition(((YamlScalarNode)condition).Value!, inputs, github)) continue;
            if (node.Children.ContainsKey("uses"))
                throw new InvalidOperationException($"step '{Scalar(node, "name")}' would run {Scalar(node, "uses")}: the emulation runs only run: steps");
            last = RunStep(node, inputs, github);
            if (last.ExitCode != 0) return last;
        }
        return last;
    }

    private HostProcess RunStep(YamlMappingNode step, Dictionary<string, string> inputs, IReadOnlyDictionary<string, string>? github)
    {
        Assert.Equal("bash", Scalar(step, "shell"));
        var script = Path.Combine(runnerTemp, Guid.NewGuid().ToString("N") + ".sh");
        // The script text is used as written: the action must not put expressions in it (tested separately).
        File.WriteAllText(script, Scalar(step, "run"));
        var output = Path.Combine(runnerTemp, "output_" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(output, "");
        var env = new Dictionary<string, string>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
            ["GITHUB_ACTION_PATH"] = actionDirectory,
            ["GITHUB_OUTPUT"] = output,
            ["GITHUB_STEP_SUMMARY"] = SummaryFile,
            ["GITHUB_WORKSPACE"] = workspace,
            ["GITHUB_REPOSITORY"] = "example/infra",
            ["RUNNER_TEMP"] = runnerTemp,
            ["RUNNER_TOOL_CACHE"] = Path.Combine(runnerTemp, "tool-cache"),
        };
        if (step.Children.TryGetValue("env", out var envNode))
            foreach (var (key, value) in (YamlMappingNode)envNode)
                env[((YamlScalarNode)key).Value!] = Evaluate(((YamlScalarNode)value).Value ?? "", inputs, github);
        var result = HostProcess.Run("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], env, workspace);
        if (step.Children.TryGetValue("id", out var id))
            StepOutputs[((YamlScalarNode)id).Value!] = File.ReadAllLines(output)
                .Where(l => l.Contains('=', StringComparison.Ordinal))
                .Select(l => l.Split('=', 2))
                .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Last()[1]);
        return result;
    }

    private string Evaluate(string text, Dictionary<string, string> inputs, IReadOnlyDictionary<string, string>? github) =>
        Expression.Replace(text, m => Value(m.Groups[1].Value, inputs, github));

    private string Value(string path, Dictionary<string, string> inputs, IReadOnlyDictionary<string, string>? github)
    {
        var parts = path.Split('.');
        return parts[0] switch
        {
            "inputs" => inputs.GetValueOrDefault(parts[1], ""),
            "steps" when parts.Length == 4 && parts[2] == "outputs" => StepOutputs.GetValueOrDefault(parts[1])?.GetValueOrDefault(parts[3]) ?? "",
            "github" => github?.GetValueOrDefault(string.Join('.', parts[1..])) ?? "",
            "runner" => parts[1] switch { "os" => "Linux", "arch" => "X64", _ => "" },
            _ => throw new InvalidOperationException($"the emulation does not evaluate '{path}'"),
        };
    }

    /// <summary>`a == 'x' &amp;&amp; b != 'y'`: the only condition shapes the action uses.</summary>
    private bool Condition(string condition, Dictionary<string, string> inputs, IReadOnlyDictionary<string, string>? github) =>
        condition.Split("&&").All(term =>
        {
            var m = Regex.Match(term.Trim(), @"^(\S+)\s*(==|!=)\s*'([^']*)'$");
            if (!m.Success) throw new InvalidOperationException($"the emulation does not evaluate the condition '{term}'");
            var equal = Value(m.Groups[1].Value, inputs, github) == m.Groups[3].Value;
            return m.Groups[2].Value == "==" ? equal : !equal;
        });

    private static string Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var v) ? ((YamlScalarNode)v).Value ?? "" : "";
}
