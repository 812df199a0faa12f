using Kalc.Iac.PlanParser.Kubespray;

namespace Kalc.Iac.PlanParser.Tests.Kubespray;

/// <summary>Reads a fixture inventory and fails the test with the input error if it does not read.</summary>
internal static class Resolve
{
    public static KubesprayRun Fixture(string inventory, KubesprayOptions? options = null)
    {
        var result = KubesprayInventoryReader.Read(RepoPaths.Fixture("inventories", inventory), options ?? new KubesprayOptions { Version = "master" });
        Assert.True(result.IsOk, result.Error?.ToString());
        return result.Value.Kubespray!;
    }

    public static string? Text(this KubesprayRun run, string host, string variable) => run.Host(host)?[variable]?.Text;
}
