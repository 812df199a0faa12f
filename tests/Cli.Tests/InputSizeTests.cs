using Kalc.Iac.Cli.Tests.Integrations;

namespace Kalc.Iac.Cli.Tests;

public class InputSizeTests
{
    private static string Write(TempDir dir, string name, string text)
    {
        var path = dir.File(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_input_size_is_the_plan_file_and_every_file_under_the_state_directories()
    {
        using var dir = new TempDir();
        var plan = Write(dir, "plan.json", new string('p', 1000));
        Write(dir, "aws/ec2-describe-instances.json", new string('a', 300));
        Write(dir, "aws/more/iam.json", new string('i', 20));
        Write(dir, "k8s/nodes.json", new string('k', 7));

        var size = InputSize.Of(new CliOptions { Plan = plan, AwsState = Path.Combine(dir.Path, "aws"), K8sState = Path.Combine(dir.Path, "k8s") });

        Assert.Equal(1327, size);
    }

    [Theory]
    [InlineData("-", null)]
    [InlineData(null, null)]
    [InlineData("plan.json", "live")]
    public void The_input_size_is_unknown_for_stdin_and_live_reads(string? planName, string? awsState)
    {
        using var dir = new TempDir();
        var plan = planName is null or "-" ? planName : Write(dir, planName, "{}");

        Assert.Null(InputSize.Of(new CliOptions { Plan = plan, AwsState = awsState }));
    }

    [Fact]
    public void A_missing_state_path_leaves_the_size_unknown_for_the_reader_to_report()
    {
        using var dir = new TempDir();
        var plan = Write(dir, "plan.json", "{}");

        Assert.Null(InputSize.Of(new CliOptions { Plan = plan, K8sState = Path.Combine(dir.Path, "absent") }));
    }
}
