using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Kalc.Iac.Cli.Tests.Robustness;

/// <summary>Mutated real inputs (the plans, previews and state dumps under fixtures/, each given a sensitive value) through
/// the whole command line. Whatever the mutation: an exit code from the documented set and never the internal error's,
/// at most one line on stderr, escaped and bounded, and the sensitive value nowhere in stdout or stderr. The number of
/// cases is fixed (Mutation.Iterations); CsCheck prints the seed of a failing case (CsCheck_Seed=... reruns it).</summary>
public sealed class FuzzTests : IDisposable
{
    private const string Secret = "KalcFuzzSecret-7Hq2";
    private readonly string _dir = Directory.CreateTempSubdirectory("kalc-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly int[] Documented = [ExitCodes.Ok, ExitCodes.FindingsAtOrAboveFailOn, ExitCodes.BadInput, ExitCodes.Incomplete];

    private static void AssertContained(CliRun run, string what)
    {
        Assert.True(Documented.Contains(run.ExitCode), $"{what}: exit {run.ExitCode}: {run.Stderr}");
        var lines = run.Stderr.Length == 0 ? [] : run.Stderr.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length <= 1, $"{what}: {lines.Length} stderr lines");
        if (run.ExitCode == ExitCodes.BadInput) Assert.Single(lines);
        foreach (var line in lines)
        {
            Assert.True(line.Length <= Core.ErrorText.MaxLine, $"{what}: a {line.Length}-character error");
            Assert.DoesNotContain('\u001b', line);
            Assert.DoesNotContain('\u202E', line);
        }
        Assert.DoesNotContain(Secret, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Small real plans of each kind, with a sensitive value added where the format marks one.</summary>
    private static byte[][] Plans()
    {
        var json = Directory.GetFiles(Fixtures.Path("terraform-plans/json"), "*.json", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).Length < 48 * 1024).Order(StringComparer.Ordinal)
            .Select(f => WithSensitive(File.ReadAllText(f))).OfType<byte[]>().Take(12);
        var text = Directory.GetFiles(Fixtures.Path("terraform-plans/text"), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".md", StringComparison.Ordinal) && new FileInfo(f).Length < 32 * 1024).Order(StringComparer.Ordinal).Take(8)
            .Select(File.ReadAllBytes);
        var pulumi = Directory.GetFiles(Fixtures.Path("pulumi"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => Encoding.UTF8.GetBytes(File.ReadAllText(f).Replace("\"inputs\": {", "\"inputs\": {\"kalcFuzz\": {\"4dabf18193072939515e22adb298388d\": \"1b47061264138c4ac30d75fd1eb44270\", \"value\": \"" + Secret + "\"},", StringComparison.Ordinal)));
        return [.. json, .. text, .. pulumi];
    }

    /// <summary>The plan with a sensitive attribute in the first change that has an after (and after_sensitive marking
    /// it); null for a plan without one.</summary>
    private static byte[]? WithSensitive(string plan)
    {
        if (JsonNode.Parse(plan) is not JsonObject root || root["resource_changes"] is not JsonArray changes) return null;
        foreach (var c in changes)
        {
            if (c?["change"] is not JsonObject change || change["after"] is not JsonObject after) continue;
            after["kalc_fuzz_password"] = Secret;
            change["after_sensitive"] = new JsonObject { ["kalc_fuzz_password"] = true };
            return Encoding.UTF8.GetBytes(root.ToJsonString());
        }
        return null;
    }

    [Fact]
    public void Mutated_plans_on_stdin_end_in_a_documented_exit_and_a_safe_error()
    {
        var plans = Plans();
        Assert.True(plans.Length >= 15, $"{plans.Length} plans");
        Gen.Int[0, plans.Length - 1].SelectMany(i => Mutation.Of(plans[i]))
            .Sample(bytes => AssertContained(CliRun.WithStdin(bytes, "--format", "json"), "plan"), iter: Mutation.Iterations(400), threads: 1);
    }

    [Fact]
    public void Mutated_state_dumps_end_in_a_documented_exit_and_a_safe_error()
    {
        var dumps = Directory.GetFiles(Fixtures.Path("aws/aws-cli"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => (Kind: "aws", Bytes: Encoding.UTF8.GetBytes(File.ReadAllText(f).Replace("\"Description\": \"", "\"Description\": \"" + Secret, StringComparison.Ordinal))))
            .Concat(Directory.GetFiles(Fixtures.Path("k8s"), "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).Take(20).Select(f => (Kind: "k8s" + Path.GetExtension(f), Bytes: File.ReadAllBytes(f))))
            .ToArray();
        var plan = Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, "examples/kubespray-iam-teardown/plan.json");
        var aws = Path.Combine(_dir, "aws");
        var k8s = Path.Combine(_dir, "k8s");
        Directory.CreateDirectory(aws);
        Directory.CreateDirectory(k8s);
        Gen.Int[0, dumps.Length - 1].SelectMany(i => Mutation.Of(dumps[i].Bytes).Select(b => (dumps[i].Kind, Bytes: b)))
            .Sample(d =>
            {
                var isAws = d.Kind == "aws";
                var file = isAws ? Path.Combine(aws, "dump.json") : Path.Combine(k8s, "dump" + d.Kind[3..]);
                File.WriteAllBytes(file, d.Bytes);
                AssertContained(CliRun.Of(plan, isAws ? "--aws-state" : "--k8s-state", isAws ? aws : file), d.Kind + " dump");
                File.Delete(file);
            }, iter: Mutation.Iterations(300), threads: 1);
    }
}
