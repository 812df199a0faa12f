using System.Text.Json;

namespace Kalc.Iac.Cli.Tests;

/// <summary>A state directory holds whatever its owner dumped: outputs kalc-iac does not read are listed in the report
/// (file and command), and change neither the exit code nor the verdict.</summary>
public sealed class UnreadStateTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kalc-unread-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string CopyExample(string example)
    {
        var from = Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, "examples", example);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(_dir, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return _dir;
    }

    [Fact]
    public void Unread_aws_cli_and_kubectl_outputs_are_listed_with_their_command_and_the_verdict_stays()
    {
        var dir = CopyExample("cni-policy-detach");
        var before = CliRun.Of(Path.Combine(dir, "plan.json"), "--aws-state", Path.Combine(dir, "aws"), "--k8s-state", Path.Combine(dir, "k8s"), "--format", "json");
        // aws route53 list-hosted-zones and kubectl get hpa -A -o json, as they print them.
        File.WriteAllText(Path.Combine(dir, "aws", "route53.json"), """
            {"HostedZones": [{"Id": "/hostedzone/Z0123456789ABCDEFGHIJ", "Name": "example.com.", "CallerReference": "2025-03-02T10:00:00Z",
              "Config": {"PrivateZone": false}, "ResourceRecordSetCount": 12}]}
            """);
        File.WriteAllText(Path.Combine(dir, "k8s", "hpa.json"), """
            {"apiVersion": "v1", "kind": "List", "metadata": {"resourceVersion": ""}, "items": [
              {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": {"name": "web", "namespace": "shop"},
               "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"}, "minReplicas": 2, "maxReplicas": 10,
                 "metrics": [{"type": "Resource", "resource": {"name": "cpu", "target": {"type": "Utilization", "averageUtilization": 70}}}]}}]}
            """);

        var run = CliRun.Of(Path.Combine(dir, "plan.json"), "--aws-state", Path.Combine(dir, "aws"), "--k8s-state", Path.Combine(dir, "k8s"), "--format", "json");

        Assert.Equal(before.ExitCode, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        using var beforeDoc = JsonDocument.Parse(before.Stdout);
        Assert.Equal(beforeDoc.RootElement.GetProperty("verdict").GetString(), doc.RootElement.GetProperty("verdict").GetString());
        var unread = doc.RootElement.GetProperty("notRead").EnumerateArray()
            .Select(n => (File: Path.GetFileName(n.GetProperty("file").GetString()!), Output: n.GetProperty("output").GetString()!)).ToList();
        Assert.Contains(("route53.json", "route53 list-hosted-zones"), unread);
        Assert.Contains(unread, n => n.File == "hpa.json" && n.Output.StartsWith("kubectl get HorizontalPodAutoscaler", StringComparison.OrdinalIgnoreCase) && n.Output.Contains("1 object", StringComparison.Ordinal));
        Assert.Empty(beforeDoc.RootElement.GetProperty("notRead").EnumerateArray());

        var text = CliRun.Of(Path.Combine(dir, "plan.json"), "--aws-state", Path.Combine(dir, "aws"), "--k8s-state", Path.Combine(dir, "k8s"));
        Assert.Contains("not read: " + Path.Combine(dir, "aws", "route53.json"), text.Stdout.Replace("\n      ", " ", StringComparison.Ordinal));
    }
}
