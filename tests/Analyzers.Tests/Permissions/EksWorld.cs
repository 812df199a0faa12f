using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;
using Kalc.Iac.PlanParser.Model;
using static Kalc.Iac.Analyzers.Tests.TestWorld;

namespace Kalc.Iac.Analyzers.Tests.Permissions;

/// <summary>An EKS cluster built in code with the real AWS managed policy documents: three nodes on role "prod-node"
/// (AmazonEKSWorkerNodePolicy, AmazonEKS_CNI_Policy, AmazonEC2ContainerRegistryReadOnly), aws-node on the node role,
/// external-dns and aws-load-balancer-controller on IRSA roles, and an OIDC provider.</summary>
internal static class EksWorld
{
    public const string Issuer = "oidc.eks.eu-west-1.amazonaws.com/id/5C0FFEE5C0FFEE5C0FFEE5C0FFEE5C0F";
    public static readonly string ProviderArn = $"arn:aws:iam::{Account}:oidc-provider/{Issuer}";
    public const string WorkerNode = "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy";
    public const string Cni = "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy";
    public const string EcrReadOnly = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly";
    public const string Ssm = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";
    public static readonly string Ec2Trust = File.ReadAllText(RepoFixtures.PolicyPath("trust-policies/eks-node-role-trust-policy.json"));
    private static readonly SourceRef Src = SourceRef.Of("test");

    public static string IrsaTrust(string ns, string sa, string op = "StringEquals", string aud = "sts.amazonaws.com", string? provider = null) =>
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"PROVIDER"},
          "Action":"sts:AssumeRoleWithWebIdentity",
          "Condition":{"OP":{"ISSUER:sub":"system:serviceaccount:NS:SA","ISSUER:aud":"AUD"}}}]}
        """.Replace("PROVIDER", provider ?? ProviderArn, StringComparison.Ordinal).Replace("OP", op, StringComparison.Ordinal)
            .Replace("ISSUER", Issuer, StringComparison.Ordinal).Replace("NS:SA", ns + ":" + sa, StringComparison.Ordinal).Replace("AUD", aud, StringComparison.Ordinal);

    public const string PodIdentityTrust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"pods.eks.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]}]}
        """;

    public static ManagedPolicy Managed(string arn, string document) => new()
    {
        Arn = arn,
        Name = arn[(arn.LastIndexOf('/') + 1)..],
        DefaultVersionId = "v1",
        Document = document,
        Source = Src,
    };

    public static ManagedPolicy AwsManaged(string name) =>
        Managed($"arn:aws:iam::aws:policy/{name}", RepoFixtures.PolicyText($"aws-managed/{name}.json"));

    public static IamRole NodeRole(params string[] attached) =>
        Role("prod-node") with { AssumeRolePolicy = Ec2Trust, AttachedManagedPolicyArns = [.. attached] };

    public static IamRole IrsaRole(string name, string trust, string policyFile) =>
        Role(name) with { AssumeRolePolicy = trust, InlinePolicies = ImmutableDictionary<string, string>.Empty.Add(name, RepoFixtures.PolicyText(policyFile)) };

    public static ServiceAccount Sa(string ns, string name, string? roleName = null) => new()
    {
        Namespace = ns,
        Name = name,
        Annotations = roleName is null ? ImmutableDictionary<string, string>.Empty
            : ImmutableDictionary<string, string>.Empty.Add(ServiceAccount.IrsaRoleAnnotation, $"arn:aws:iam::{Account}:role/{roleName}"),
        Source = Src,
    };

    public static Workload Deployment(string ns, string name, string sa, string image) => new()
    {
        Kind = "Deployment", Namespace = ns, Name = name, ServiceAccountName = sa, Images = [image], Replicas = 2, Source = Src,
    };

    /// <summary>The cluster; <paramref name="configure"/> adjusts roles, service accounts and workloads before the world is built.</summary>
    public static World Build(IamRole? nodeRole = null, IEnumerable<IamRole>? extraRoles = null, IEnumerable<ServiceAccount>? extraSas = null,
        IEnumerable<Workload>? extraWorkloads = null, IEnumerable<ManagedPolicy>? extraPolicies = null, IEnumerable<PodIdentityAssociation>? associations = null,
        bool awsNodeIrsa = false)
    {
        var instances = Enumerable.Range(1, 3).Select(n => Instance($"i-0node{n}", "prod-node-profile")).ToList();
        var roles = new List<IamRole>
        {
            nodeRole ?? NodeRole(WorkerNode, Cni, EcrReadOnly),
            IrsaRole("external-dns", IrsaTrust("external-dns", "external-dns"), "external-dns_aws-route53-policy.json"),
            IrsaRole("aws-load-balancer-controller", IrsaTrust("kube-system", "aws-load-balancer-controller"), "aws-load-balancer-controller_iam_policy.json"),
        };
        if (awsNodeIrsa) roles.Add(Role("aws-node-irsa") with { AssumeRolePolicy = IrsaTrust("kube-system", "aws-node"), AttachedManagedPolicyArns = [Cni] });
        roles.AddRange(extraRoles ?? []);
        var world = TestWorld.World(roles, [Profile("prod-node-profile", "prod-node")], instances,
            instances.Select(i => Node(i)),
            [DaemonSet("aws-node", "aws-node", "602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.18.6"),
             DaemonSet("kube-proxy", "kube-proxy", "602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/kube-proxy:v1.30.0"),
             Deployment("external-dns", "external-dns", "external-dns", "registry.k8s.io/external-dns/external-dns:v0.15.0"),
             Deployment("kube-system", "aws-load-balancer-controller", "aws-load-balancer-controller", "public.ecr.aws/eks/aws-load-balancer-controller:v2.9.0"),
             .. extraWorkloads ?? []],
            [Sa("kube-system", "aws-node", awsNodeIrsa ? "aws-node-irsa" : null), Sa("kube-system", "kube-proxy"), Sa("external-dns", "external-dns", "external-dns"),
             Sa("kube-system", "aws-load-balancer-controller", "aws-load-balancer-controller"), .. extraSas ?? []]);
        return world with
        {
            Aws = world.Aws with
            {
                Region = "eu-west-1",
                Policies = [AwsManaged("AmazonEKSWorkerNodePolicy"), AwsManaged("AmazonEKS_CNI_Policy"), AwsManaged("AmazonEC2ContainerRegistryReadOnly"),
                            AwsManaged("AmazonSSMManagedInstanceCore"), .. extraPolicies ?? []],
                OidcProviders = [new OidcProvider { Arn = ProviderArn, Url = Issuer, ClientIds = ["sts.amazonaws.com"], Source = Src }],
                EksClusters = [new EksCluster { Name = "prod", Arn = $"arn:aws:eks:eu-west-1:{Account}:cluster/prod", OidcIssuer = "https://" + Issuer, Source = Src }],
                PodIdentityAssociations = [.. associations ?? []],
                Loaded = [AwsStateKind.Iam, AwsStateKind.Instances, AwsStateKind.OidcProviders, AwsStateKind.EksClusters, AwsStateKind.PodIdentityAssociations],
            },
        };
    }

    public static PlanValue Attachment(string role, string arn) => Obj(("role", role), ("policy_arn", arn), ("id", $"{role}-x"));

    public static PlanValue RoleValues(IamRole r, string? trust = null, PlanValue? boundary = null) => Obj(
        ("name", r.Name), ("arn", r.Arn), ("assume_role_policy", (PlanValue?)(trust is null ? new PlanString(r.AssumeRolePolicy!) : new PlanString(trust))),
        ("permissions_boundary", boundary ?? (r.PermissionsBoundaryArn is { } b ? new PlanString(b) : PlanValue.Null)));

    public static readonly ChangeAction[] Delete = [ChangeAction.Delete];
    public static readonly ChangeAction[] Update = [ChangeAction.Update];
    public static readonly ChangeAction[] Create = [ChangeAction.Create];
}
