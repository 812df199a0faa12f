using System.Text;
using Kalc.Iac.AwsModel.Dumps;

namespace Kalc.Iac.AwsModel.Tests.Dumps;

/// <summary>Repeated values of a dump are read once and shared; escaped ones are decoded as JSON says.</summary>
public class JsonStringsTests
{
    private static string Instance(string id, string type, string tagValue) =>
        "{\"InstanceId\":\"" + id + "\",\"State\":{\"Name\":\"running\"},\"InstanceType\":\"" + type +
        "\",\"Tags\":[{\"Key\":\"team\",\"Value\":\"" + tagValue +
        "\"}],\"IamInstanceProfile\":{\"Arn\":\"arn:aws:iam::123456789012:instance-profile/nodes\"}}";

    [Fact]
    public void A_value_repeated_across_instances_is_one_string()
    {
        var json = "{\"Reservations\":[{\"Instances\":[" + Instance("i-1", "m5.large", "a") + "," + Instance("i-2", "m5.large", "a") + "]}]}";

        var instances = AwsDumpParser.Parse(Encoding.UTF8.GetBytes(json), "i.json").Value!.State.Instances;

        Assert.Equal("m5.large", instances[0].InstanceType);
        Assert.Same(instances[0].InstanceType, instances[1].InstanceType);
        Assert.Same(instances[0].InstanceProfileArn, instances[1].InstanceProfileArn);
        Assert.Same(instances[0].Tags["team"], instances[1].Tags["team"]);
    }

    [Fact]
    public void Escaped_and_non_ascii_values_read_as_their_text()
    {
        var json = "{\"Reservations\":[{\"Instances\":[" + Instance("i-1", "m5.\\u006carge", "say \\\"hi\\\" \\\\ ü") + "," + Instance("i-2", "m5.large", "ü") + "]}]}";

        var instances = AwsDumpParser.Parse(Encoding.UTF8.GetBytes(json), "i.json").Value!.State.Instances;

        Assert.Equal("m5.large", instances[0].InstanceType);
        Assert.Equal("say \"hi\" \\ ü", instances[0].Tags["team"]);
        Assert.Equal("ü", instances[1].Tags["team"]);
    }
}
