using Kalc.Iac.Core.Live;
using Kalc.Iac.Tests.Live.Fakes;

namespace Kalc.Iac.AwsModel.Tests.Live;

public sealed class SnapshotTests
{
    [Fact]
    public async Task Snapshot_writes_exactly_the_documents_a_live_run_analyses()
    {
        var result = await LiveAwsFixture.ReadAsync(new FakeAwsAccount());
        var dir = Directory.CreateTempSubdirectory("kalc-snapshot-");
        try
        {
            await StateDirectory.WriteAsync(dir.FullName, result.Documents, CancellationToken.None);

            var files = dir.GetFiles().OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
            Assert.Equal(result.Documents.Select(d => d.FileName), files.Select(f => f.Name));
            foreach (var document in result.Documents)
                Assert.Equal(document.Json.ToArray(), await File.ReadAllBytesAsync(Path.Combine(dir.FullName, document.FileName)));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public async Task Describe_instances_output_has_the_keys_of_real_aws_cli_output()
    {
        var result = await LiveAwsFixture.ReadAsync(new FakeAwsAccount());
        // A generated page-2 instance: the libcloud page has empty tag sets, which the SDK leaves unset.
        var live = LiveAwsFixture.Document(result, "ec2_describe-instances.json")["Reservations"]!.AsArray()[^1]!;
        var cli = System.Text.Json.Nodes.JsonNode.Parse(Fixtures.Text("aws-api/aws-cli/ec2_describe-instances_ex1.json"))!["Reservations"]![0]!;

        Assert.Subset(cli.AsObject().Select(p => p.Key).ToHashSet(), live.AsObject().Select(p => p.Key).ToHashSet());
        var liveInstance = live["Instances"]![0]!.AsObject().Select(p => p.Key).ToHashSet();
        foreach (var key in new[] { "InstanceId", "InstanceType", "LaunchTime", "Placement", "PrivateDnsName", "PrivateIpAddress", "State", "SubnetId", "VpcId", "SecurityGroups", "Tags" })
            Assert.Contains(key, liveInstance);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$", live["Instances"]![0]!["LaunchTime"]!.GetValue<string>());
    }

    [Fact]
    public void Snapshot_file_names_stay_inside_the_output_directory()
    {
        Assert.Equal("eks_describe-cluster_.._etc.json", StateDirectory.SafeName("eks_describe-cluster_../etc.json"));
        Assert.Equal("_.json", StateDirectory.SafeName("..json"));
    }
}
