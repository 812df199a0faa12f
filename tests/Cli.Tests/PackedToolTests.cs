namespace Kalc.Iac.Cli.Tests;

/// <summary>The .NET tool package: test.sh packs src/Cli (PackAsTool) and installs the nupkg with
/// `dotnet tool install --tool-path .build/tool --add-source .build/nupkg kalc-iac`, as a user installs it globally;
/// these run the installed `kalc-iac` command.</summary>
public sealed class PackedToolTests
{
    private static string? Tool =>
        Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, ".build", "tool", "kalc-iac") is var path && File.Exists(path) ? path : null;

    [PackedToolFact]
    public void The_installed_tool_runs_the_example_like_the_cli()
    {
        var example = "examples/kubespray-iam-teardown";
        var run = Integrations.HostProcess.Run(Tool!, [$"{example}/plan.json", "--aws-state", $"{example}/aws", "--k8s-state", $"{example}/k8s", "--format", "json"],
            new Dictionary<string, string> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "" }, Kalc.Iac.Tests.RepoPaths.Root);

        Assert.Equal(ExitCodes.FindingsAtOrAboveFailOn, run.ExitCode);
        Assert.Equal(CliRun.Of($"repo:{example}/plan.json", "--aws-state", $"repo:{example}/aws", "--k8s-state", $"repo:{example}/k8s", "--format", "json").Stdout
            .Replace(Kalc.Iac.Tests.RepoPaths.Root + "/", "", StringComparison.Ordinal), run.Stdout);
    }

    [PackedToolFact]
    public void The_installed_tool_reports_its_version()
    {
        var run = Integrations.HostProcess.Run(Tool!, ["--version"], new Dictionary<string, string>(), Kalc.Iac.Tests.RepoPaths.Root);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"kalc-iac {Reporting.ToolInfo.Version}\n", run.Stdout);
    }

    private sealed class PackedToolFactAttribute : FactAttribute
    {
        public PackedToolFactAttribute()
        {
            if (Tool is null) Skip = "no packed tool at .build/tool/kalc-iac (test.sh packs and installs it)";
        }
    }
}
