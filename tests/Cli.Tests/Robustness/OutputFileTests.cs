using System.Diagnostics;

namespace Kalc.Iac.Cli.Tests.Robustness;

/// <summary>--output never destroys anything: not an input (by device and inode, through links), not the previous report
/// on a failure, and no temporary file left behind.</summary>
public sealed class OutputFileTests : IDisposable
{
    private const string Example = "examples/kubespray-iam-teardown";
    private readonly string _dir = Directory.CreateTempSubdirectory("kalc-output-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Copy(string relative)
    {
        var from = Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, relative);
        var to = Path.Combine(_dir, Path.GetFileName(relative));
        if (Directory.Exists(from))
        {
            Directory.CreateDirectory(to);
            foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        }
        else
        {
            File.Copy(from, to);
        }
        return to;
    }

    private static void AssertRefusedAndUntouched(string target, byte[] before, params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("is an input", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(target));
    }

    [Fact]
    public void Output_naming_the_plan_is_refused_and_the_plan_kept()
    {
        var plan = Copy($"{Example}/plan.json");

        AssertRefusedAndUntouched(plan, File.ReadAllBytes(plan), plan, "--output", plan);
    }

    [Fact]
    public void Output_through_a_symlink_or_a_hard_link_to_the_plan_is_refused()
    {
        var plan = Copy($"{Example}/plan.json");
        var sym = Path.Combine(_dir, "sym.json");
        File.CreateSymbolicLink(sym, plan);
        var hard = Path.Combine(_dir, "hard.json");
        Process.Start("ln", [plan, hard])!.WaitForExit();
        var before = File.ReadAllBytes(plan);

        AssertRefusedAndUntouched(plan, before, plan, "--output", sym);
        AssertRefusedAndUntouched(plan, before, plan, "--output", hard);
    }

    [Fact]
    public void Output_naming_a_state_file_or_the_config_is_refused()
    {
        var plan = Copy($"{Example}/plan.json");
        var aws = Copy($"{Example}/aws");
        var k8s = Copy($"{Example}/k8s");
        var stateFile = Directory.GetFiles(aws)[0];
        var kubeFile = Directory.GetFiles(k8s)[0];
        var config = Path.Combine(_dir, "config.json");
        File.WriteAllText(config, "{\"format\":\"json\"}");

        AssertRefusedAndUntouched(stateFile, File.ReadAllBytes(stateFile), plan, "--aws-state", aws, "--output", stateFile);
        AssertRefusedAndUntouched(kubeFile, File.ReadAllBytes(kubeFile), plan, "--k8s-state", k8s, "--output", kubeFile);
        AssertRefusedAndUntouched(config, File.ReadAllBytes(config), plan, "--config", config, "--output", config);
    }

    [Fact]
    public void Output_naming_an_inventory_vars_file_is_refused()
    {
        var inventory = Path.Combine(_dir, "inventory");
        CopyTree(Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, "examples/kubespray-misplaced-group-vars/inventory"), inventory);
        var vars = Directory.GetFiles(inventory, "*.yml", SearchOption.AllDirectories)[0];

        AssertRefusedAndUntouched(vars, File.ReadAllBytes(vars), "--kubespray", inventory, "--output", vars);
    }

    [Fact]
    public void A_report_replaces_the_old_one_whole_and_leaves_no_temporary_file()
    {
        var plan = Copy($"{Example}/plan.json");
        var report = Path.Combine(_dir, "report.json");
        File.WriteAllText(report, "old");

        var run = CliRun.Of(plan, "--format", "json", "--output", report);

        Assert.Equal(ExitCodes.Ok, run.ExitCode); // no state given: incomplete
        using (System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(report))) { }
        Assert.Equal(["plan.json", "report.json"], Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_report_through_a_symlink_replaces_the_file_it_points_at_and_keeps_the_link()
    {
        var plan = Copy($"{Example}/plan.json");
        var real = Path.Combine(_dir, "real.txt");
        File.WriteAllText(real, "old");
        var link = Path.Combine(_dir, "link.txt");
        File.CreateSymbolicLink(link, real);

        CliRun.Of(plan, "--output", link);

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.StartsWith("kalc-iac: incomplete", File.ReadAllText(real), StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_full_disk_the_old_report_is_kept_and_the_error_names_the_file()
    {
        using var disk = SmallDisk.Mount(_dir);
        if (disk is null) return; // mount needs root; ProcessConditionTests cover the file-size limit without it
        var plan = Copy($"{Example}/plan.json");
        var report = Path.Combine(disk.Path, "report.json");
        File.WriteAllText(report, "old");
        disk.Fill();

        var run = CliRun.Of(plan, "--format", "json", "--output", report);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith($"kalc-iac: {report}: cannot be written: ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(report));
        Assert.Equal(["fill", "report.json"], Directory.GetFiles(disk.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.GetDirectories(from)) CopyTree(d, Path.Combine(to, Path.GetFileName(d)));
    }
}
