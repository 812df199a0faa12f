using Kalc.Iac.KubeModel.Model;
using Kalc.Iac.KubeModel.Readers;
using Kalc.Iac.Tests.Live.Fakes;

namespace Kalc.Iac.KubeModel.Tests.Live;

public sealed class LiveDiscoveryObjectsTests
{
    [Fact]
    public async Task Services_ingresses_budgets_and_karpenter_objects_are_read_live_into_state()
    {
        var (result, _) = await LiveKubeFixture.ReadAsync(new FakeKubeApi());
        Assert.Empty(result.Failures);
        var state = KubeStateReader.Read(result.Documents.Select(d => (d.FileName, d.Json))).Unwrap();
        Assert.True(Assert.Single(state.Services).IsLoadBalancer);
        Assert.Equal("alb", Assert.Single(state.Ingresses).IngressClassName);
        Assert.Equal(0, Assert.Single(state.PodDisruptionBudgets).DisruptionsAllowed);
        Assert.Equal("default", Assert.Single(state.NodePools).NodeClassName);
        var nodeClass = Assert.Single(state.NodeClasses);
        Assert.Equal(("KarpenterNodeRole-prod", "karpenter.k8s.aws/v1", "prod_1234567890"), (nodeClass.Role, nodeClass.ApiVersion, nodeClass.ResolvedInstanceProfile));
        Assert.Contains(KubeStateKind.Karpenter, state.Loaded);
        var policy = Assert.Single(state.SecurityGroupPolicies);
        Assert.Equal(("my-namespace/my-security-group-policy", "sg-0f1e2d3c4b5a69788"), (policy.Key, Assert.Single(policy.GroupIds)));
        Assert.Equal("my-role", policy.PodSelector!.MatchLabels["role"]);
    }

    [Fact]
    public async Task Security_groups_for_pods_not_installed_is_an_empty_read_not_a_failure()
    {
        var (result, _) = await LiveKubeFixture.ReadAsync(new FakeKubeApi
        {
            Fault = r => r.Path.Contains("vpcresources", StringComparison.Ordinal) ? FakeKubeApi.Status(404, "NotFound", "the server could not find the requested resource") : null,
        });
        Assert.Empty(result.Failures);
        var state = KubeStateReader.Read(result.Documents.Select(d => (d.FileName, d.Json))).Unwrap();
        Assert.Empty(state.SecurityGroupPolicies);
        Assert.Contains(KubeStateKind.SecurityGroupPolicies, state.Loaded);
    }

    [Fact]
    public async Task Webhook_configurations_and_api_services_read_live_parse_into_state()
    {
        var (result, _) = await LiveKubeFixture.ReadAsync(new FakeKubeApi());
        Assert.Empty(result.Failures);
        var state = KubeStateReader.Read(result.Documents.Select(d => (d.FileName, d.Json))).Unwrap();

        var webhooks = state.AdmissionWebhooks.OrderBy(w => w.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [("MutatingWebhookConfiguration", "mpod.elbv2.k8s.aws", "Fail", "kube-system/aws-load-balancer-webhook-service", 443),
             ("ValidatingWebhookConfiguration", "vingress.elbv2.k8s.aws", "Ignore", "kube-system/aws-load-balancer-webhook-service", 443)],
            webhooks.Select(w => (w.ConfigurationKind, w.Name, w.FailurePolicy, w.Service!.Key, w.Service.Port)));
        Assert.True(webhooks[0].HasNamespaceSelector);
        Assert.Equal(new[] { "CREATE" }, webhooks[0].Rules[0].Operations.ToArray());
        Assert.Equal(new[] { "pods" }, webhooks[0].Rules[0].Resources.ToArray());
        var metrics = Assert.Single(state.ApiServices, a => a.Service is not null);
        Assert.Equal(("v1beta1.metrics.k8s.io", "kube-system/metrics-server", 443), (metrics.Name, metrics.Service!.Key, metrics.Service.Port));
        Assert.Contains(state.ApiServices, a => a is { Name: "v1.apps", Service: null });
        Assert.Contains(KubeStateKind.AdmissionWebhooks, state.Loaded);
        Assert.Contains(KubeStateKind.ApiServices, state.Loaded);
    }

    [Fact]
    public async Task Karpenter_not_installed_is_an_empty_read_not_a_failure()
    {
        var (result, _) = await LiveKubeFixture.ReadAsync(new FakeKubeApi
        {
            Fault = r => r.Path.Contains("karpenter", StringComparison.Ordinal) ? FakeKubeApi.Status(404, "NotFound", "the server could not find the requested resource") : null,
        });
        Assert.Empty(result.Failures);
        var state = KubeStateReader.Read(result.Documents.Select(d => (d.FileName, d.Json))).Unwrap();
        Assert.Empty(state.NodeClasses);
        Assert.Contains(KubeStateKind.Karpenter, state.Loaded);
        Assert.Contains(KubeStateKind.Nodes, state.Loaded);
    }

    [Fact]
    public async Task A_forbidden_karpenter_list_is_a_named_failure()
    {
        var (result, _) = await LiveKubeFixture.ReadAsync(new FakeKubeApi
        {
            Fault = r => r.Path == "/apis/karpenter.k8s.aws/v1/ec2nodeclasses" ? FakeKubeApi.Status(403, "Forbidden", "ec2nodeclasses.karpenter.k8s.aws is forbidden") : null,
        });
        var failure = Assert.Single(result.Failures);
        Assert.Equal(("kubectl get ec2nodeclasses.v1.karpenter.k8s.aws", "Forbidden"), (failure.Call, failure.Code));
    }
}
