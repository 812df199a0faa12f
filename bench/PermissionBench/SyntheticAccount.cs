using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Bench.Permissions;

/// <summary>A generated account and cluster of the size issue 3 names: 2,000 nodes in 20 node groups, 5,000 roles,
/// 3,000 customer managed policies (plus the real AWS managed node policies), controllers on IRSA roles carrying the
/// upstream policies. Deterministic (fixed seed).</summary>
internal static class SyntheticAccount
{
    public const string Account = "123456789012";
    private static readonly SourceRef Src = SourceRef.Of("bench");

    public static World Build(string repoRoot, int nodes = 2000, int roles = 5000, int policies = 3000, int nodeGroups = 20)
    {
        var random = new Random(42);
        string Policy(string rel) => PolicyText(Path.Combine(repoRoot, "fixtures", "aws", "iam-policies", rel));
        var managed = new List<ManagedPolicy>();
        foreach (var name in new[] { "AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly", "AmazonSSMManagedInstanceCore" })
            managed.Add(new ManagedPolicy { Arn = $"arn:aws:iam::aws:policy/{name}", Name = name, Document = Policy($"aws-managed/{name}.json"), Source = Src });
        string[] services = ["s3", "ec2", "sqs", "dynamodb", "kms", "logs", "ecr", "route53", "elasticloadbalancing", "autoscaling"];
        for (var p = 0; p < policies; p++)
        {
            var statements = Enumerable.Range(0, 1 + random.Next(6)).Select(i =>
            {
                var svc = services[random.Next(services.Length)];
                var effect = random.Next(20) == 0 ? "Deny" : "Allow";
                var resource = random.Next(3) == 0 ? $"arn:aws:{svc}:*:{Account}:thing-{p}-{i}/*" : "*";
                return $$"""{"Effect":"{{effect}}","Action":["{{svc}}:Get*","{{svc}}:Describe{{random.Next(50)}}","{{svc}}:Put{{random.Next(50)}}"],"Resource":"{{resource}}"}""";
            });
            managed.Add(new ManagedPolicy
            {
                Arn = $"arn:aws:iam::{Account}:policy/app-{p}", Name = $"app-{p}",
                Document = $$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", statements)}}]}""", Source = Src,
            });
        }
        var ec2Trust = File.ReadAllText(Path.Combine(repoRoot, "fixtures", "aws", "iam-policies", "trust-policies", "eks-node-role-trust-policy.json"));
        var roleList = new List<IamRole>();
        for (var g = 0; g < nodeGroups; g++)
        {
            roleList.Add(new IamRole
            {
                Arn = $"arn:aws:iam::{Account}:role/node-group-{g}", Name = $"node-group-{g}", AssumeRolePolicy = ec2Trust, Source = Src,
                AttachedManagedPolicyArns = ["arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
                    "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly", $"arn:aws:iam::{Account}:policy/app-{random.Next(policies)}"],
            });
        }
        var controllers = new (string Component, string Ns, string Image, string Policy)[]
        {
            ("ebs-csi-controller", "kube-system", "public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver:v1.35.0", "aws-ebs-csi-driver_example-iam-policy.json"),
            ("efs-csi-controller", "kube-system", "public.ecr.aws/efs-csi-driver/aws-efs-csi-driver:v2.0.7", "aws-efs-csi-driver_iam-policy-example.json"),
            ("aws-load-balancer-controller", "kube-system", "public.ecr.aws/eks/aws-load-balancer-controller:v2.9.0", "aws-load-balancer-controller_iam_policy.json"),
            ("cluster-autoscaler", "kube-system", "registry.k8s.io/autoscaling/cluster-autoscaler:v1.30.2", "cluster-autoscaler_aws-full-features-policy.json"),
            ("karpenter", "karpenter", "public.ecr.aws/karpenter/controller:1.0.6", "karpenter/NodeLifecyclePolicy.policy.template.json"),
            ("external-dns", "external-dns", "registry.k8s.io/external-dns/external-dns:v0.15.0", "external-dns_aws-route53-policy.json"),
        };
        foreach (var c in controllers)
        {
            roleList.Add(new IamRole
            {
                Arn = $"arn:aws:iam::{Account}:role/{c.Component}", Name = c.Component, Source = Src,
                AssumeRolePolicy = IrsaTrust(c.Ns, c.Component),
                InlinePolicies = ImmutableDictionary<string, string>.Empty.Add(c.Component, Policy(c.Policy)),
            });
        }
        while (roleList.Count < roles)
        {
            var n = roleList.Count;
            roleList.Add(new IamRole
            {
                Arn = $"arn:aws:iam::{Account}:role/app-{n}", Name = $"app-{n}", AssumeRolePolicy = ec2Trust, Source = Src,
                AttachedManagedPolicyArns = [.. Enumerable.Range(0, 1 + random.Next(4)).Select(_ => $"arn:aws:iam::{Account}:policy/app-{random.Next(policies)}").Distinct()],
            });
        }
        var profiles = Enumerable.Range(0, nodeGroups).Select(g => new InstanceProfile
        {
            Arn = $"arn:aws:iam::{Account}:instance-profile/node-group-{g}", Name = $"node-group-{g}", RoleNames = [$"node-group-{g}"], Source = Src,
        }).ToList();
        var instances = Enumerable.Range(0, nodes).Select(i => new Ec2Instance
        {
            InstanceId = $"i-{i:x17}", State = "running", AvailabilityZone = "eu-west-1a", PrivateDnsName = $"ip-10-0-{i / 250}-{i % 250}.eu-west-1.compute.internal",
            InstanceProfileArn = profiles[i % nodeGroups].Arn, Source = Src,
        }).ToList();
        var kubeNodes = instances.Select(i => new KubeNode { Name = i.PrivateDnsName!, ProviderId = $"aws:///eu-west-1a/{i.InstanceId}", Source = Src }).ToList();
        var workloads = new List<Workload>
        {
            new() { Kind = "DaemonSet", Namespace = "kube-system", Name = "aws-node", ServiceAccountName = "aws-node", Images = ["602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.18.6"], Source = Src },
        };
        workloads.AddRange(controllers.Select(c => new Workload { Kind = "Deployment", Namespace = c.Ns, Name = c.Component, ServiceAccountName = c.Component, Images = [c.Image], Source = Src }));
        var sas = controllers.Select(c => new ServiceAccount
        {
            Namespace = c.Ns, Name = c.Component, Source = Src,
            Annotations = ImmutableDictionary<string, string>.Empty.Add(ServiceAccount.IrsaRoleAnnotation, $"arn:aws:iam::{Account}:role/{c.Component}"),
        }).Append(new ServiceAccount { Namespace = "kube-system", Name = "aws-node", Source = Src });
        return new World(
            AwsState.Empty with
            {
                AccountId = Account, Roles = [.. roleList], Policies = [.. managed], InstanceProfiles = [.. profiles], Instances = [.. instances],
                Loaded = [AwsStateKind.Iam, AwsStateKind.Instances],
            },
            KubeState.Empty with
            {
                Nodes = [.. kubeNodes], Workloads = [.. workloads], ServiceAccounts = [.. sas],
                Loaded = [KubeStateKind.Nodes, KubeStateKind.Workloads, KubeStateKind.ServiceAccounts],
            });
    }

    private static string IrsaTrust(string ns, string sa) =>
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::ACCOUNT:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/BENCH"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"oidc.eks.eu-west-1.amazonaws.com/id/BENCH:sub":"system:serviceaccount:SUBJECT"}}}]}"""
            .Replace("ACCOUNT", Account, StringComparison.Ordinal).Replace("SUBJECT", ns + ":" + sa, StringComparison.Ordinal);

    private static string PolicyText(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.TryGetProperty("PolicyVersion", out var v) ? v.GetProperty("Document").GetRawText() : doc.RootElement.GetRawText();
    }
}
