using Kalc.Iac.KubeModel.Model;
using Kalc.Iac.KubeModel.Readers;

namespace Kalc.Iac.KubeModel.Tests.Readers;

/// <summary>Services, webhook configurations, APIServices and container ports: what the control plane must reach.</summary>
public sealed class AdmissionAndServiceTests
{
    private static KubeState Read()
    {
        var r = KubeStateDirectory.Read(Fixtures.Path("k8s/built/admission-and-aggregation.yaml"));
        Assert.True(r.IsOk, r.Error?.ToString());
        return r.Value;
    }

    [Fact]
    public void Webhooks_carry_their_service_failure_policy_rules_and_selectors()
    {
        var hooks = Read().AdmissionWebhooks;
        Assert.Equal(4, hooks.Length);
        var mpod = Assert.Single(hooks, h => h.Name == "mpod.elbv2.k8s.aws");
        Assert.Equal(("MutatingWebhookConfiguration", "aws-load-balancer-webhook", "Fail"), (mpod.ConfigurationKind, mpod.ConfigurationName, mpod.FailurePolicy));
        Assert.Equal(new ServiceReference("kube-system", "aws-load-balancer-webhook-service", 443, "/mutate-v1-pod"), mpod.Service);
        Assert.True(mpod.HasNamespaceSelector && mpod.HasObjectSelector);
        Assert.Equal("CREATE pods", mpod.Intercepts);
        var ingress = Assert.Single(hooks, h => h.Name == "vingress.elbv2.k8s.aws");
        Assert.Equal("CREATE,UPDATE networking.k8s.io/ingresses", ingress.Intercepts);
        Assert.False(ingress.HasNamespaceSelector);
    }

    [Fact]
    public void A_v1beta1_webhook_defaults_to_ignore_and_keeps_its_url()
    {
        var legacy = Assert.Single(Read().AdmissionWebhooks, h => h.Name == "legacy.example.com");
        Assert.Equal(("Ignore", "https://hooks.example.com:8443/validate"), (legacy.FailurePolicy, legacy.Url));
        Assert.Null(legacy.Service);
    }

    [Fact]
    public void Api_services_name_their_service_with_port_443_by_default_and_local_ones_none()
    {
        var apis = Read().ApiServices;
        Assert.Equal(new ServiceReference("kube-system", "metrics-server", 443, null), Assert.Single(apis, a => a.Name == "v1beta1.metrics.k8s.io").Service);
        Assert.Null(Assert.Single(apis, a => a.Name == "v1.apps").Service);
    }

    [Fact]
    public void Services_keep_named_target_ports_and_selectors()
    {
        var svc = Assert.Single(Read().Services, s => s.Name == "metrics-server");
        Assert.Equal(new ServicePort(443, "https", "TCP", "https"), Assert.Single(svc.Ports));
        Assert.Equal("metrics-server", svc.Selector["k8s-app"]);
        Assert.Equal("ClusterIP", svc.Type);
    }

    [Fact]
    public void Workloads_carry_pod_template_labels_and_container_ports()
    {
        var alb = Assert.Single(Read().Workloads, w => w.Name == "aws-load-balancer-controller");
        Assert.Contains(new ContainerPort("webhook-server", 9443, "TCP"), alb.ContainerPorts);
        Assert.Equal("aws-load-balancer-controller", alb.PodLabels["app.kubernetes.io/instance"]);
    }

    [Fact]
    public void Objects_of_kinds_not_read_are_listed_per_file_and_kind()
    {
        var state = Read();
        var notRead = Assert.Single(state.NotRead);
        Assert.Equal(("NetworkPolicy", 1, "kubectl get NetworkPolicy"), (notRead.Kind, notRead.Count, notRead.Command));
        Assert.Contains(KubeStateKind.AdmissionWebhooks, state.Loaded);
        Assert.Contains(KubeStateKind.ApiServices, state.Loaded);
        Assert.Contains(KubeStateKind.Services, state.Loaded);
    }

    [Fact]
    public void Map_users_are_parsed_like_map_roles()
    {
        const string yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: aws-auth, namespace: kube-system}
            data:
              mapUsers: |
                - userarn: arn:aws:iam::111122223333:user/admin
                  username: admin
                  groups: [system:masters]
                - username: no-arn
            """;
        var r = KubeStateReader.Read([("aws-auth.yaml", (ReadOnlyMemory<byte>)System.Text.Encoding.UTF8.GetBytes(yaml))]);
        Assert.True(r.IsOk, r.Error?.ToString());
        var m = Assert.Single(r.Value.AwsAuthUserMappings);
        Assert.Equal(("arn:aws:iam::111122223333:user/admin", "system:masters"), (m.RoleArn, m.Groups.Single()));
        Assert.Contains("has no userarn", Assert.Single(r.Value.Missing), StringComparison.Ordinal);
    }
}
