using System.Collections.Immutable;
using System.Text;
using Kalc.Iac.KubeModel.Model;
using Kalc.Iac.KubeModel.Readers;

namespace Kalc.Iac.KubeModel.Tests.Readers;

/// <summary>Services, Ingresses, PodDisruptionBudgets and karpenter objects: what relies on subnet discovery and what
/// a node drain must respect.</summary>
public sealed class DiscoveryObjectsTests
{
    private static KubeState ReadText(string file, string text)
    {
        var r = KubeStateReader.Read([(file, Encoding.UTF8.GetBytes(text))]);
        Assert.True(r.IsOk, r.Error?.ToString());
        return r.Value;
    }

    private static KubeState ReadPath(string relative)
    {
        var r = KubeStateReader.Read([(relative, (ReadOnlyMemory<byte>)Fixtures.Bytes(relative))]);
        Assert.True(r.IsOk, r.Error?.ToString());
        return r.Value;
    }

    [Theory]
    [InlineData("k8s/real/karpenter/v1-general-purpose.yaml", "karpenter.sh/v1", "general-purpose", "EC2NodeClass", null)]
    [InlineData("k8s/real/karpenter/v1beta1-general-purpose.yaml", "karpenter.sh/v1beta1", "default", null, "AL2")]
    public void Karpenter_node_pools_and_node_classes_of_v1_and_v1beta1_give_role_and_selector_terms(
        string file, string poolApi, string poolName, string? refKind, string? amiFamily)
    {
        var state = ReadPath(file);
        var pool = Assert.Single(state.NodePools);
        Assert.Equal((poolApi, poolName, "default", refKind), (pool.ApiVersion, pool.Name, pool.NodeClassName, pool.NodeClassKind));
        var nodeClass = Assert.Single(state.NodeClasses);
        Assert.Equal("KarpenterNodeRole-${CLUSTER_NAME}", nodeClass.Role);
        Assert.Null(nodeClass.InstanceProfile);
        Assert.Equal(amiFamily, nodeClass.AmiFamily);
        var term = Assert.Single(nodeClass.SubnetSelectorTerms);
        Assert.Equal("${CLUSTER_NAME}", term.Tags["karpenter.sh/discovery"]);
        Assert.Single(nodeClass.SecurityGroupSelectorTerms);
        Assert.Contains(KubeStateKind.Karpenter, state.Loaded);
    }

    [Fact]
    public void A_selector_term_matches_by_id_name_or_every_tag_and_star_matches_any_value()
    {
        var byTag = new SelectorTerm { Tags = ImmutableDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("karpenter.sh/discovery", "prod")]) };
        var tags = new Dictionary<string, string> { ["karpenter.sh/discovery"] = "prod" };
        Assert.True(byTag.Selects("subnet-1", null, tags));
        Assert.False(byTag.Selects("subnet-1", null, new Dictionary<string, string>()));
        var star = new SelectorTerm { Tags = ImmutableDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("Name", "*")]) };
        Assert.True(star.Selects("sg-1", null, new Dictionary<string, string> { ["Name"] = "x" }));
        Assert.True(new SelectorTerm { Id = "subnet-1" }.Selects("subnet-1", null, tags));
        Assert.False(new SelectorTerm { Id = "subnet-2" }.Selects("subnet-1", null, tags));
        Assert.False(new SelectorTerm().Selects("subnet-1", null, tags));
    }

    [Fact]
    public void A_node_class_status_gives_the_subnets_and_profile_it_resolved()
    {
        var state = ReadText("ec2nodeclasses.json", """
            {"apiVersion":"v1","kind":"List","items":[{"apiVersion":"karpenter.k8s.aws/v1","kind":"EC2NodeClass","metadata":{"name":"default"},
             "spec":{"instanceProfile":"KarpenterNodeInstanceProfile-prod","subnetSelectorTerms":[{"id":"subnet-0a"}],"securityGroupSelectorTerms":[{"name":"eks-nodes"}],"amiSelectorTerms":[{"alias":"al2023@v20240807"}]},
             "status":{"subnets":[{"id":"subnet-0a","zone":"us-east-1a"}],"securityGroups":[{"id":"sg-1","name":"eks-nodes"}],"instanceProfile":"KarpenterNodeInstanceProfile-prod"}}]}
            """);
        var c = Assert.Single(state.NodeClasses);
        Assert.Equal("KarpenterNodeInstanceProfile-prod", c.InstanceProfile);
        Assert.Equal(["subnet-0a"], c.ResolvedSubnetIds.ToArray());
        Assert.Equal(["sg-1"], c.ResolvedSecurityGroupIds.ToArray());
        Assert.Equal("al2023@v20240807", c.AmiSelectorTerms[0].Alias);
    }

    [Fact]
    public void Objects_of_another_api_group_named_NodePool_are_not_karpenter()
    {
        var state = ReadText("x.json", """{"apiVersion":"example.com/v1","kind":"NodePool","metadata":{"name":"x"}}""");
        Assert.Empty(state.NodePools);
        Assert.Equal(1, state.IgnoredObjects);
    }

    [Fact]
    public void Load_balancer_services_give_type_class_annotations_selector_and_status()
    {
        var state = ReadText("services.json", """
            {"apiVersion":"v1","kind":"ServiceList","items":[
             {"metadata":{"name":"web","namespace":"shop","annotations":{"service.beta.kubernetes.io/aws-load-balancer-type":"external","service.beta.kubernetes.io/aws-load-balancer-scheme":"internet-facing"}},
              "spec":{"type":"LoadBalancer","loadBalancerClass":"service.k8s.aws/nlb","selector":{"app":"web"},"ports":[{"name":"http","port":80,"targetPort":8080,"protocol":"TCP"}]},
              "status":{"loadBalancer":{"ingress":[{"hostname":"k8s-shop-web-0123456789.elb.us-east-1.amazonaws.com"}]}}},
             {"metadata":{"name":"kubernetes","namespace":"default"},"spec":{"type":"ClusterIP","ports":[{"name":"https","port":443,"targetPort":443}]}}]}
            """);
        Assert.Equal(2, state.Services.Length);
        var web = state.Services.Single(s => s.Name == "web");
        Assert.True(web.IsLoadBalancer);
        Assert.Equal("service.k8s.aws/nlb", web.LoadBalancerClass);
        Assert.Equal("internet-facing", web.Annotations["service.beta.kubernetes.io/aws-load-balancer-scheme"]);
        Assert.Equal(new ServicePort(80, "8080", "TCP", "http"), web.Ports[0]);
        Assert.Equal(["k8s-shop-web-0123456789.elb.us-east-1.amazonaws.com"], web.LoadBalancerIngress.ToArray());
        Assert.False(state.Services.Single(s => s.Name == "kubernetes").IsLoadBalancer);
        Assert.Contains(KubeStateKind.Services, state.Loaded);
    }

    [Fact]
    public void Ingresses_take_their_class_from_the_spec_or_the_legacy_annotation()
    {
        var state = ReadText("ingresses.json", """
            {"apiVersion":"v1","kind":"List","items":[
             {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"a","namespace":"shop","annotations":{"alb.ingress.kubernetes.io/scheme":"internet-facing"}},"spec":{"ingressClassName":"alb"}},
             {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"b","namespace":"shop","annotations":{"kubernetes.io/ingress.class":"alb","alb.ingress.kubernetes.io/subnets":"subnet-1, subnet-2"}},"spec":{}}]}
            """);
        Assert.All(state.Ingresses, i => Assert.Equal("alb", i.IngressClassName));
        Assert.Equal("subnet-1, subnet-2", state.Ingresses[1].Annotations["alb.ingress.kubernetes.io/subnets"]);
    }

    [Fact]
    public void An_empty_typed_list_says_the_kind_was_read()
    {
        var state = ReadText("x.json", """{"apiVersion":"policy/v1","kind":"PodDisruptionBudgetList","metadata":{},"items":[]}""");
        Assert.Contains(KubeStateKind.PodDisruptionBudgets, state.Loaded);
    }

    [Fact]
    public void Pod_disruption_budgets_give_their_bounds_selector_and_what_they_allow_now()
    {
        var state = ReadText("pdbs.json", """
            {"apiVersion":"v1","kind":"List","items":[
             {"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"coredns","namespace":"kube-system"},
              "spec":{"maxUnavailable":1,"selector":{"matchLabels":{"k8s-app":"kube-dns"}}},
              "status":{"currentHealthy":2,"desiredHealthy":1,"disruptionsAllowed":1,"expectedPods":2}},
             {"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"db","namespace":"shop"},
              "spec":{"minAvailable":"100%","selector":{"matchExpressions":[{"key":"app","operator":"In","values":["db"]}]}},
              "status":{"currentHealthy":1,"disruptionsAllowed":0,"expectedPods":1}}]}
            """);
        var coredns = state.PodDisruptionBudgets.Single(p => p.Name == "coredns");
        Assert.Equal(("1", (string?)null, 1), (coredns.MaxUnavailable, coredns.MinAvailable, coredns.DisruptionsAllowed));
        Assert.True(coredns.Selector.Matches(new Dictionary<string, string> { ["k8s-app"] = "kube-dns", ["pod-template-hash"] = "x" }));
        Assert.Equal(1, coredns.AllowedFor(2));
        var db = state.PodDisruptionBudgets.Single(p => p.Name == "db");
        Assert.Equal(0, db.AllowedFor(3));
        Assert.True(db.Selector.Matches(new Dictionary<string, string> { ["app"] = "db" }));
        Assert.False(db.Selector.Matches(new Dictionary<string, string> { ["app"] = "web" }));
    }

    [Fact]
    public void A_deployment_gives_the_labels_of_its_pod_template()
    {
        var state = ReadText("d.json", """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop","labels":{"team":"a"}},
             "spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}}}
            """);
        var w = Assert.Single(state.Workloads);
        Assert.Equal("web", w.PodLabels["app"]);
        Assert.False(w.PodLabels.ContainsKey("team"));
        Assert.Equal(1, w.Replicas);
    }
}
