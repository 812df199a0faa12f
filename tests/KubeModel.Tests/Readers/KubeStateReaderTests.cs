using System.Text;
using Kalc.Iac.KubeModel.Model;
using Kalc.Iac.KubeModel.Readers;

namespace Kalc.Iac.KubeModel.Tests.Readers;

public sealed class KubeStateReaderTests
{
    private static KubeState ReadPath(string relative)
    {
        var r = KubeStateDirectory.Read(Fixtures.Path(relative));
        Assert.True(r.IsOk, r.Error?.ToString());
        return r.Value;
    }

    private static KubeState ReadText(string file, string text)
    {
        var r = KubeStateReader.Read([(file, Encoding.UTF8.GetBytes(text))]);
        Assert.True(r.IsOk, r.Error?.ToString());
        return r.Value;
    }

    [Fact]
    public void Label_keys_and_values_repeated_across_nodes_are_one_string_each()
    {
        static string Node(string name) => "{\"kind\":\"Node\",\"metadata\":{\"name\":\"" + name +
            "\",\"labels\":{\"topology.kubernetes.io/zone\":\"eu-west-1a\",\"kubernetes.io/os\":\"linux\"}}}";
        var state = ReadText("nodes.json", "{\"kind\":\"List\",\"items\":[" + Node("a") + "," + Node("b") + "]}");

        var (a, b) = (state.Nodes[0].Labels, state.Nodes[1].Labels);
        Assert.Equal("eu-west-1a", a["topology.kubernetes.io/zone"]);
        Assert.Same(a["topology.kubernetes.io/zone"], b["topology.kubernetes.io/zone"]);
        Assert.Same(a.Keys.Single(k => k.StartsWith("topology", StringComparison.Ordinal)), b.Keys.Single(k => k.StartsWith("topology", StringComparison.Ordinal)));
    }

    [Fact]
    public void Nodes_from_a_kubectl_json_list_carry_provider_id_cidrs_ip_version_and_control_plane_role()
    {
        var state = ReadPath("k8s/built/kubespray-nodes.json");
        Assert.Equal(3, state.Nodes.Length);
        var cp = state.Nodes.Single(n => n.IsControlPlane);
        Assert.Equal("ip-10-250-1-10.ec2.internal", cp.Name);
        Assert.Equal("i-0a1b2c3d4e5f60001", cp.InstanceId);
        Assert.Equal("10.250.1.10", cp.InternalIp);
        Assert.Equal("v1.29.10", cp.KubeletVersion);
        Assert.Single(cp.PodCidrs);
        Assert.Equal("items[0]", cp.Source.Path);
        Assert.Equal([KubeStateKind.Nodes], state.Loaded);
    }

    [Fact]
    public void A_node_tainted_but_not_labelled_as_control_plane_is_control_plane()
    {
        var state = ReadText("n.yaml", """
            apiVersion: v1
            kind: Node
            metadata: {name: old-master}
            spec:
              taints: [{key: node-role.kubernetes.io/master, effect: NoSchedule}]
            """);
        Assert.True(Assert.Single(state.Nodes).IsControlPlane);
    }

    [Fact]
    public void An_empty_node_list_still_says_nodes_were_read()
    {
        var state = ReadPath("k8s/built/nodes-empty.json");
        Assert.Empty(state.Nodes);
        Assert.Equal([KubeStateKind.Nodes], state.Loaded);
        Assert.Equal([KubeStateKind.Nodes], ReadText("x.json", """{"kind":"NodeList","apiVersion":"v1","items":[]}""").Loaded);
    }

    [Fact]
    public void Items_of_a_typed_list_without_their_own_kind_take_it_from_the_list()
    {
        var state = ReadText("raw.json", """{"kind":"NodeList","apiVersion":"v1","items":[{"metadata":{"name":"a"},"spec":{"providerID":"aws:///us-east-1a/i-1"}}]}""");
        Assert.Equal("i-1", Assert.Single(state.Nodes).InstanceId);
    }

    [Fact]
    public void Kubespray_kube_system_gives_daemonsets_static_pods_deployments_config_maps_and_folds_owned_objects()
    {
        var state = KubeStateReader.Read([
            ("nodes.json", Fixtures.Bytes("k8s/built/kubespray-nodes.json")),
            ("kube-system.json", Fixtures.Bytes("k8s/built/kubespray-kube-system.json")),
        ]).Value!;
        Assert.Equal(
            ["DaemonSet/kube-system/calico-node", "DaemonSet/kube-system/kube-proxy", "Deployment/kube-system/coredns",
             "Pod/kube-system/kube-apiserver-ip-10-250-1-10.ec2.internal", "Pod/kube-system/kube-controller-manager-ip-10-250-1-10.ec2.internal"],
            state.Workloads.Select(w => w.Key));
        var calico = state.Workloads.Single(w => w.Name == "calico-node");
        Assert.Equal("calico-node", calico.ServiceAccountName);
        Assert.True(calico.HostNetwork);
        Assert.False(calico.OnControlPlane); // runs everywhere: it tolerates the taint but is not restricted to the control plane
        Assert.True(calico.ToleratesControlPlane);
        Assert.Equal(["quay.io/calico/node:v3.28.1", "quay.io/calico/cni:v3.28.1"], calico.Images.ToArray());
        Assert.Equal(["DATASTORE_TYPE", "CALICO_IPV4POOL_CIDR", "NODENAME"], calico.EnvNames.ToArray());
        Assert.Null(calico.Replicas);
        var kcm = state.Workloads.Single(w => w.Name.StartsWith("kube-controller-manager", StringComparison.Ordinal));
        Assert.True(kcm.IsStaticPod);
        Assert.True(kcm.OnControlPlane);
        Assert.Equal("ip-10-250-1-10.ec2.internal", kcm.NodeName);
        Assert.Contains("--cloud-provider=aws", kcm.Args);
        Assert.Equal("default", kcm.ServiceAccountName);
        var coredns = state.Workloads.Single(w => w.Name == "coredns");
        Assert.Equal(2, coredns.Replicas);
        Assert.False(coredns.OnControlPlane); // only prefers control-plane nodes: it may run on any node
        Assert.Equal(["-conf", "/etc/coredns/Corefile"], coredns.Args.ToArray());
        Assert.Equal(["kube-system/calico-config", "kube-system/kubeadm-config"], state.ConfigMaps.Select(c => $"{c.Namespace}/{c.Name}"));
        Assert.Equal(["calico-node", "coredns", "kube-proxy"], state.ServiceAccounts.Select(s => s.Name));
        Assert.Equal(0, state.IgnoredObjects);
        Assert.Equal("coredns", Assert.Single(state.Services).Name);
        Assert.Equal("aws", state.KubeadmConfig!.CloudProvider);
        Assert.Equal("kubeadm.k8s.io/v1beta3", state.KubeadmConfig.ApiVersion);
        Assert.Equal(5, state.Loaded.Count); // the four kinds before, and Services
    }

    [Fact]
    public void A_pod_whose_controller_was_not_dumped_is_kept_as_a_pod()
    {
        var state = ReadText("pods.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: coredns-76b9f5d7c8-x2x7q
              namespace: kube-system
              labels: {pod-template-hash: 76b9f5d7c8}
              ownerReferences: [{kind: ReplicaSet, name: coredns-76b9f5d7c8, controller: true}]
            spec:
              serviceAccount: coredns
              containers: [{name: coredns, image: registry.k8s.io/coredns/coredns:v1.11.1}]
            """);
        var pod = Assert.Single(state.Workloads);
        Assert.Equal("ReplicaSet/coredns-76b9f5d7c8", pod.OwnedBy);
        Assert.Equal("coredns", pod.ServiceAccountName);
    }

    [Fact]
    public void A_pod_of_a_dumped_deployment_is_folded_into_it_even_without_its_replicaset()
    {
        var state = ReadText("d.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec: {template: {spec: {containers: [{name: web, image: nginx}]}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web-5c9f8b7d6-abcde
              namespace: shop
              labels: {pod-template-hash: 5c9f8b7d6}
              ownerReferences: [{kind: ReplicaSet, name: web-5c9f8b7d6, controller: true}]
            spec: {containers: [{name: web, image: nginx}]}
            """);
        var deployment = Assert.Single(state.Workloads);
        Assert.Equal("Deployment", deployment.Kind);
        Assert.Equal(1, deployment.Replicas);
        Assert.Equal("default", deployment.ServiceAccountName);
    }

    [Fact]
    public void A_multi_document_eks_manifest_gives_nodes_irsa_service_accounts_workloads_and_aws_auth()
    {
        var state = ReadPath("k8s/built/eks-cluster.yaml");
        Assert.Equal(["i-0123456789abcdef0", "i-0fedcba9876543210"], state.Nodes.Select(n => n.InstanceId));
        Assert.All(state.Nodes, n => Assert.False(n.IsControlPlane));
        Assert.Equal(4, state.Nodes[0].Source.Line); // the first document starts after the comment header
        Assert.Equal("arn:aws:iam::111122223333:role/AmazonEKS_EBS_CSI_DriverRole",
            state.ServiceAccounts.Single(s => s.Name == "ebs-csi-controller-sa").IrsaRoleArn);
        var awsNode = state.Workloads.Single(w => w.Name == "aws-node");
        Assert.Equal(("DaemonSet", "aws-node", true), (awsNode.Kind, awsNode.ServiceAccountName, awsNode.HostNetwork));
        Assert.Contains("--enable-network-policy=false", awsNode.Args);
        var ebs = state.Workloads.Single(w => w.Name == "ebs-csi-controller");
        Assert.False(ebs.OnControlPlane);
        Assert.False(ebs.ToleratesControlPlane);
        Assert.Equal(["CSI_ENDPOINT", "AWS_REGION"], ebs.EnvNames.ToArray());
        var mapping = Assert.Single(state.AwsAuthRoleMappings);
        Assert.True(mapping.IsNodeMapping);
        Assert.Equal("system:node:{{EC2PrivateDNSName}}", mapping.Username);
        Assert.Equal(1, state.IgnoredObjects);
        Assert.Empty(state.Missing);
    }

    [Fact]
    public void Real_service_account_manifests_give_irsa_annotations_and_the_mutated_pod_its_credential_env()
    {
        var state = ReadPath("k8s/real/serviceaccounts");
        Assert.Equal("arn:aws:iam::111122223333:role/s3-reader", state.ServiceAccounts.Single(s => s.Key == "default/nginx").IrsaRoleArn);
        var pod = state.Workloads.Single(w => w.Key == "Pod/default/my-pod");
        Assert.Contains("AWS_WEB_IDENTITY_TOKEN_FILE", pod.EnvNames);
        Assert.Equal("my-serviceaccount", pod.ServiceAccountName);
        Assert.Equal("nginx", state.Workloads.Single(w => w.Key == "Deployment/default/nginx").ServiceAccountName);
    }

    [Fact]
    public void A_yaml_list_is_read_item_by_item()
    {
        var state = ReadText("list.yml", """
            apiVersion: v1
            kind: List
            items:
            - {apiVersion: v1, kind: ServiceAccount, metadata: {name: a, namespace: x}}
            - {apiVersion: v1, kind: ConfigMap, metadata: {name: b, namespace: x}, data: {k: v}}
            """);
        Assert.Equal("a", Assert.Single(state.ServiceAccounts).Name);
        Assert.Equal("v", Assert.Single(state.ConfigMaps).Data["k"]);
    }

    [Fact]
    public void Several_concatenated_json_objects_in_one_file_are_all_read()
    {
        var state = ReadText("two.json", """
            {"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"a","namespace":"x"}}
            {"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"b","namespace":"x"}}
            """);
        Assert.Equal(["a", "b"], state.ServiceAccounts.Select(s => s.Name));
    }

    [Fact]
    public void A_utf16_yaml_file_with_bom_and_crlf_loads()
    {
        var text = "apiVersion: v1\r\nkind: ServiceAccount\r\nmetadata:\r\n  name: s\u00e9\r\n  namespace: x\r\n";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        var r = KubeStateReader.Read([("sa.yaml", bytes)]);
        Assert.Equal("s\u00e9", Assert.Single(r.Value!.ServiceAccounts).Name);
        var json = Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes("""{"kind":"ServiceAccount","metadata":{"name":"j"}}""")).ToArray();
        Assert.Equal("j", Assert.Single(KubeStateReader.Read([("sa.json", json)]).Value!.ServiceAccounts).Name);
    }

    [Fact]
    public void A_directory_skips_text_files_and_keeps_the_first_copy_of_an_object()
    {
        // The kubectl describe .txt in this folder is not YAML: reading it would fail the load.
        var state = ReadPath("k8s/real/aws-auth");
        var awsAuth = Assert.Single(state.ConfigMaps);
        Assert.EndsWith("aws-iam-authenticator_aws-auth-crazy-case-keys.yaml", awsAuth.Source.File, StringComparison.Ordinal);
        Assert.Equal("arn:aws:iam::555555555555:role/devel-worker-nodes-NodeInstanceRole-74RF4UBDUKL6", Assert.Single(state.AwsAuthRoleMappings).RoleArn);
    }

    [Fact]
    public void An_external_cloud_controller_manager_selected_onto_the_control_plane_is_on_it_and_merge_keys_apply()
    {
        var state = ReadText("ccm.yaml", """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: aws-cloud-controller-manager, namespace: kube-system}
            spec:
              template:
                spec:
                  nodeSelector: {node-role.kubernetes.io/control-plane: ""}
                  serviceAccountName: cloud-controller-manager
                  containers:
                  - &ccm
                    name: aws-cloud-controller-manager
                    image: registry.k8s.io/provider-aws/cloud-controller-manager:v1.31.1
                    args: [--v=2, --cloud-provider=aws]
                  - <<: *ccm
                    name: second
                    args: [--second]
            """);
        var ccm = Assert.Single(state.Workloads);
        Assert.True(ccm.OnControlPlane);
        Assert.False(ccm.ToleratesControlPlane);
        Assert.Equal("cloud-controller-manager", ccm.ServiceAccountName);
        Assert.Equal(["--v=2", "--cloud-provider=aws", "--second"], ccm.Args.ToArray());
        Assert.Equal(["registry.k8s.io/provider-aws/cloud-controller-manager:v1.31.1"], ccm.Images.ToArray());
        Assert.Equal(1, ccm.Source.Line);
    }

    [Fact]
    public void A_single_file_with_another_extension_is_sniffed_as_json_or_yaml()
    {
        var dir = Directory.CreateTempSubdirectory("kalc-k8s-");
        try
        {
            var json = Path.Combine(dir.FullName, "nodes.out");
            File.Copy(Fixtures.Path("k8s/built/kubespray-nodes.json"), json);
            Assert.Equal(3, KubeStateDirectory.Read(json).Value!.Nodes.Length);
            var yaml = Path.Combine(dir.FullName, "sa");
            File.WriteAllText(yaml, "kind: ServiceAccount\nmetadata: {name: a, namespace: b}\n");
            Assert.Equal("b/a", Assert.Single(KubeStateDirectory.Read(yaml).Value!.ServiceAccounts).Key);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
