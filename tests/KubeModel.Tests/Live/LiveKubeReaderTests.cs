using Kalc.Iac.Tests.Live.Fakes;
using Kalc.Iac.KubeModel.Live;

namespace Kalc.Iac.KubeModel.Tests.Live;

public sealed class LiveKubeReaderTests
{
    [Fact]
    public async Task Every_list_is_read_page_by_page_into_a_kubectl_shaped_List()
    {
        var (result, requests) = await LiveKubeFixture.ReadAsync(new FakeKubeApi { Nodes = 5 });

        Assert.Empty(result.Failures);
        Assert.Equal("fake-context", result.Account);
        Assert.Equal(
            ["k8s_apiservices.json", "k8s_daemonsets.json", "k8s_deployments.json", "k8s_ingresses.json", "k8s_karpenter_ec2nodeclasses_v1.json", "k8s_karpenter_ec2nodeclasses_v1beta1.json",
             "k8s_karpenter_nodepools_v1.json", "k8s_karpenter_nodepools_v1beta1.json", "k8s_kube-system_configmaps.json", "k8s_mutatingwebhookconfigurations.json", "k8s_nodes.json",
             "k8s_poddisruptionbudgets.json", "k8s_securitygrouppolicies.json", "k8s_serviceaccounts.json", "k8s_services.json", "k8s_statefulsets.json", "k8s_validatingwebhookconfigurations.json"],
            result.Documents.Select(d => d.FileName));
        var nodes = LiveKubeFixture.Document(result, "k8s_nodes.json");
        Assert.Equal("List", nodes["kind"]!.GetValue<string>());
        Assert.Equal("v1", nodes["apiVersion"]!.GetValue<string>());
        var items = nodes["items"]!.AsArray();
        Assert.Equal(5, items.Count);
        Assert.All(items, i => Assert.Equal("Node", i!["kind"]!.GetValue<string>()));
        Assert.Equal("aws:///us-east-1a/i-0a0000040000aaaa", items[4]!["spec"]!["providerID"]!.GetValue<string>());
        Assert.Equal("v1.29.0-eks-5e0fdde", items[0]!["status"]!["nodeInfo"]!["kubeletVersion"]!.GetValue<string>());
        // 5 nodes at limit=2: three requests, the 2nd and 3rd with the continue token of the one before.
        var nodeRequests = requests.Where(r => r.Path == "/api/v1/nodes").ToList();
        Assert.Equal([null, "2", "4"], nodeRequests.Select(r => r.Query["continue"]));
        Assert.All(nodeRequests, r => Assert.Equal("2", r.Query["limit"]));
        Assert.All(requests, r => Assert.Equal("Bearer " + LiveKubeFixture.Token, r.Authorization));
    }

    [Fact]
    public async Task Workload_items_keep_their_group_version_and_annotations()
    {
        var (result, _) = await LiveKubeFixture.ReadAsync(new FakeKubeApi());

        var ds = LiveKubeFixture.Document(result, "k8s_daemonsets.json")["items"]![0]!;
        Assert.Equal("apps/v1", ds["apiVersion"]!.GetValue<string>());
        Assert.Equal("DaemonSet", ds["kind"]!.GetValue<string>());
        Assert.Equal("aws-node", ds["spec"]!["template"]!["spec"]!["serviceAccountName"]!.GetValue<string>());
        var sa = LiveKubeFixture.Document(result, "k8s_serviceaccounts.json")["items"]![0]!;
        Assert.Equal("arn:aws:iam::111122223333:role/AmazonEKSLoadBalancerControllerRole", sa["metadata"]!["annotations"]!["eks.amazonaws.com/role-arn"]!.GetValue<string>());
        Assert.Empty(LiveKubeFixture.Document(result, "k8s_deployments.json")["items"]!.AsArray());
    }

    [Fact]
    public async Task Forbidden_on_one_resource_is_a_named_failure_and_the_rest_is_read()
    {
        var api = new FakeKubeApi
        {
            Fault = r => r.Path.EndsWith("/configmaps", StringComparison.Ordinal)
                ? FakeKubeApi.Status(403, "Forbidden", "configmaps is forbidden: User \"ci\" cannot list resource \"configmaps\" in API group \"\" in the namespace \"kube-system\"")
                : null,
        };
        var (result, _) = await LiveKubeFixture.ReadAsync(api);

        var failure = Assert.Single(result.Failures);
        Assert.Equal("kubectl get configmaps -n kube-system", failure.Call);
        Assert.Equal("Forbidden", failure.Code);
        Assert.Contains("cannot list resource", failure.Message, StringComparison.Ordinal);
        Assert.Equal("kube-system ConfigMaps", failure.Unknown);
        Assert.Equal(KubeListCalls.For(new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = "http://127.0.0.1:1" })).Count - 1, result.Documents.Length);
    }

    [Fact]
    public async Task An_expired_continue_token_drops_the_whole_list()
    {
        var api = new FakeKubeApi
        {
            Nodes = 6,
            Fault = r => r.Path == "/api/v1/nodes" && r.Query["continue"] == "4"
                ? FakeKubeApi.Status(410, "Expired", "The provided continue parameter is too old to display a consistent list result.")
                : null,
        };
        var (result, _) = await LiveKubeFixture.ReadAsync(api);

        var failure = Assert.Single(result.Failures);
        Assert.Equal("Expired", failure.Code);
        Assert.Contains("after 2 page(s)", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Documents, d => d.FileName == "k8s_nodes.json");
    }

    [Fact]
    public async Task A_hanging_api_server_times_out()
    {
        var api = new FakeKubeApi { Fault = r => r.Path == "/apis/apps/v1/statefulsets" ? FakeReply.Hanging : null };
        var (result, _) = await LiveKubeFixture.ReadAsync(api, o => o with { CallTimeout = TimeSpan.FromSeconds(1) });

        var failure = Assert.Single(result.Failures, f => f.Call == "kubectl get statefulsets -A");
        Assert.Equal("Timeout", failure.Code);
    }

    [Fact]
    public async Task A_malformed_body_is_a_failure_not_a_crash()
    {
        var api = new FakeKubeApi { Fault = r => r.Path == "/apis/apps/v1/deployments" ? FakeReply.Json("{\"kind\":\"DeploymentList\",\"items\":[{") : null };
        var (result, _) = await LiveKubeFixture.ReadAsync(api);

        var failure = Assert.Single(result.Failures);
        Assert.Equal("kubectl get deployments -A", failure.Call);
        Assert.Equal("MalformedResponse", failure.Code);
    }

    [Fact]
    public async Task A_missing_kubeconfig_is_one_failure_for_all_kubernetes_state()
    {
        var result = await Kalc.Iac.KubeModel.Live.LiveKubeReader.ReadAsync(
            new Kalc.Iac.KubeModel.Live.LiveKubeOptions { KubeconfigPath = "/nonexistent/kubeconfig" }, null, CancellationToken.None);

        var failure = Assert.Single(result.Failures);
        Assert.Equal("NoKubeconfig", failure.Code);
        Assert.Equal("all Kubernetes state", failure.Unknown);
    }

    [Fact]
    public async Task Progress_counts_pages_and_items_per_list()
    {
        var seen = new System.Collections.Concurrent.ConcurrentQueue<Kalc.Iac.Core.Live.ReadProgress>();
        var (result, _) = await LiveKubeFixture.ReadAsync(new FakeKubeApi { Nodes = 5 }, progress: new Recorder(seen.Enqueue));

        Assert.Empty(result.Failures);
        var nodes = seen.Where(p => p.Call == "kubectl get nodes").ToList();
        Assert.Equal(Kalc.Iac.Core.Live.ReadProgressStage.Started, nodes[0].Stage);
        Assert.Equal([1, 2, 3], nodes.Where(p => p.Stage == Kalc.Iac.Core.Live.ReadProgressStage.Page).Select(p => p.Pages));
        Assert.Equal((Kalc.Iac.Core.Live.ReadProgressStage.Done, 3, 5), (nodes[^1].Stage, nodes[^1].Pages, nodes[^1].Items));
    }

    private sealed class Recorder(Action<Kalc.Iac.Core.Live.ReadProgress> report) : IProgress<Kalc.Iac.Core.Live.ReadProgress>
    {
        public void Report(Kalc.Iac.Core.Live.ReadProgress value) => report(value);
    }
}
