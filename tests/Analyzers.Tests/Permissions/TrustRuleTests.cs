using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;
using static Kalc.Iac.Analyzers.Tests.Permissions.EksWorld;
using static Kalc.Iac.Analyzers.Tests.TestWorld;

namespace Kalc.Iac.Analyzers.Tests.Permissions;

public class TrustRuleTests
{
    private static AnalysisReport ChangeTrust(string roleName, string newTrust, World? world = null)
    {
        world ??= Build();
        var role = world.Aws.Roles.Single(r => r.Name == roleName);
        return Analyzer.Run(world, Plan(Change("aws_iam_role", $"aws_iam_role.{roleName.Replace('-', '_')}", Update, RoleValues(role), RoleValues(role, trust: newTrust))));
    }

    [Fact]
    public void A_trust_policy_moved_to_another_namespace_breaks_the_service_account_that_uses_the_role()
    {
        var report = ChangeTrust("external-dns", IrsaTrust("kube-system", "external-dns"));

        var f = Assert.Single(report.Findings);
        Assert.Equal("KIAC201", f.RuleId);
        Assert.Equal(["external-dns"], f.Impact.Components.ToArray());
        Assert.Equal(["external-dns/external-dns"], f.Impact.ServiceAccounts.ToArray());
        Assert.Equal(TimeToImpact.OnCredentialRefresh, f.Impact.TimeToImpact);
        Assert.Equal("aws_iam_role.external_dns", f.Change!.Address);
        Assert.Contains(f.Evidence, e => e.Fact.Contains("sub=system:serviceaccount:external-dns:external-dns", StringComparison.Ordinal));
        Assert.Contains(f.Evidence, e => e.Fact.StartsWith("after: ImplicitDeny", StringComparison.Ordinal));
        Assert.Contains(f.Evidence, e => e.Fact.Contains("new or restarted pods fail immediately", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_audience_breaks_the_service_account()
    {
        var f = Assert.Single(ChangeTrust("aws-load-balancer-controller", IrsaTrust("kube-system", "aws-load-balancer-controller", aud: "sts.amazonaws.com.cn")).Findings);

        Assert.Equal("KIAC201", f.RuleId);
        Assert.Equal(["aws-load-balancer-controller"], f.Impact.Components.ToArray());
    }

    [Fact]
    public void A_trust_policy_naming_another_OIDC_provider_breaks_the_service_account()
    {
        var other = $"arn:aws:iam::{Account}:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/0THERC1USTER";
        var f = Assert.Single(ChangeTrust("external-dns", IrsaTrust("external-dns", "external-dns", provider: other)).Findings);

        Assert.Equal("KIAC201", f.RuleId);
    }

    [Fact]
    public void A_StringLike_pattern_that_misses_the_service_account_breaks_it()
    {
        var report = ChangeTrust("external-dns", IrsaTrust("external-dns", "external-dns-*", op: "StringLike"));

        Assert.Equal("KIAC201", Assert.Single(report.Findings).RuleId);
    }

    [Fact]
    public void A_StringLike_pattern_that_still_matches_is_quiet()
    {
        var report = ChangeTrust("external-dns", IrsaTrust("external-dns", "external-*", op: "StringLike"));

        Assert.Empty(report.Findings);
        Assert.Equal(Verdict.Safe, report.Verdict);
    }

    [Fact]
    public void A_trust_policy_known_only_after_apply_is_never_called_safe()
    {
        var world = Build();
        var role = world.Aws.Roles.Single(r => r.Name == "external-dns");
        var after = Obj(("name", role.Name), ("arn", role.Arn), ("assume_role_policy", new PlanUnknown()), ("permissions_boundary", PlanValue.Null));

        var report = Analyzer.Run(world, Plan(Change("aws_iam_role", "aws_iam_role.external_dns", Update, RoleValues(role), after)));

        Assert.Empty(report.Findings);
        Assert.Equal(Verdict.Incomplete, report.Verdict);
        Assert.Contains(report.Missing, m => m.Contains("external-dns/external-dns", StringComparison.Ordinal) && m.Contains("cannot be known", StringComparison.Ordinal));
    }

    [Fact]
    public void Destroying_an_IRSA_role_breaks_its_service_account_and_the_component_loses_every_action()
    {
        var world = Build();
        var role = world.Aws.Roles.Single(r => r.Name == "external-dns");

        var report = Analyzer.Run(world, Plan(Change("aws_iam_role", "aws_iam_role.external_dns", Delete, RoleValues(role), PlanValue.Null)));

        Assert.Contains(report.Findings, f => f.RuleId == "KIAC201" && f.Message.Contains("destroyed", StringComparison.Ordinal));
        var loss = Assert.Single(report.Findings, f => f.RuleId == "KIAC204");
        Assert.Contains("route53:ListHostedZones", loss.Message);
    }

    [Fact]
    public void Destroying_the_OIDC_provider_reports_every_IRSA_service_account_in_one_finding()
    {
        var provider = Obj(("arn", ProviderArn), ("url", "https://" + Issuer), ("client_id_list", new PlanList([new PlanString("sts.amazonaws.com")])));

        var report = Analyzer.Run(Build(), Plan(Change("aws_iam_openid_connect_provider", "aws_iam_openid_connect_provider.eks", Delete, provider, PlanValue.Null)));

        var f = Assert.Single(report.Findings);
        Assert.Equal("KIAC202", f.RuleId);
        Assert.Equal(["external-dns/external-dns", "kube-system/aws-load-balancer-controller"], f.Impact.ServiceAccounts.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(Severity.Critical, f.Severity);
    }

    [Fact]
    public void Destroying_an_OIDC_provider_no_role_trusts_is_quiet()
    {
        var other = $"arn:aws:iam::{Account}:oidc-provider/token.actions.githubusercontent.com";
        var world = Build();
        world = world with { Aws = world.Aws with { OidcProviders = world.Aws.OidcProviders.Add(new OidcProvider { Arn = other, Url = "token.actions.githubusercontent.com", Source = SourceRef.Of("t") }) } };
        var provider = Obj(("arn", other), ("url", "https://token.actions.githubusercontent.com"));

        var report = Analyzer.Run(world, Plan(Change("aws_iam_openid_connect_provider", "aws_iam_openid_connect_provider.github", Delete, provider, PlanValue.Null)));

        Assert.Empty(report.Findings);
        Assert.Equal(Verdict.Safe, report.Verdict);
    }

    [Fact]
    public void Dropping_sts_from_the_provider_client_ids_breaks_IRSA()
    {
        var before = Obj(("arn", ProviderArn), ("url", "https://" + Issuer), ("client_id_list", new PlanList([new PlanString("sts.amazonaws.com")])));
        var after = Obj(("arn", ProviderArn), ("url", "https://" + Issuer), ("client_id_list", new PlanList([new PlanString("sigstore")])));

        var report = Analyzer.Run(Build(), Plan(Change("aws_iam_openid_connect_provider", "aws_iam_openid_connect_provider.eks", [ChangeAction.Delete, ChangeAction.Create], before, after)));

        var f = Assert.Single(report.Findings);
        Assert.Equal("KIAC202", f.RuleId);
        Assert.Contains("sts.amazonaws.com", f.Message);
    }

    private static PodIdentityAssociation Association(string ns, string sa, string role) => new()
    {
        AssociationId = "a-0abc" + sa, ClusterName = "prod", Namespace = ns, ServiceAccount = sa, RoleArn = $"arn:aws:iam::{Account}:role/{role}", Source = SourceRef.Of("t"),
    };

    internal static World PodIdentityWorld() => Build(
        extraRoles: [Role("cluster-autoscaler") with { AssumeRolePolicy = PodIdentityTrust, InlinePolicies = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("ca", RepoFixtures.PolicyText("cluster-autoscaler_aws-full-features-policy.json")) }],
        extraSas: [Sa("kube-system", "cluster-autoscaler"), Sa("kube-system", "unused")],
        extraWorkloads: [Deployment("kube-system", "cluster-autoscaler", "cluster-autoscaler", "registry.k8s.io/autoscaling/cluster-autoscaler:v1.30.2")],
        associations: [Association("kube-system", "cluster-autoscaler", "cluster-autoscaler"), Association("kube-system", "unused", "cluster-autoscaler")]);

    private static PlanValue AssociationValues(PodIdentityAssociation a) => Obj(
        ("association_id", a.AssociationId), ("cluster_name", a.ClusterName), ("namespace", a.Namespace), ("service_account", a.ServiceAccount), ("role_arn", a.RoleArn));

    [Fact]
    public void Destroying_the_Pod_Identity_association_breaks_the_service_account_that_uses_it()
    {
        var world = PodIdentityWorld();
        var assoc = world.Aws.PodIdentityAssociations[0];

        var report = Analyzer.Run(world, Plan(Change("aws_eks_pod_identity_association", "aws_eks_pod_identity_association.ca", Delete, AssociationValues(assoc), PlanValue.Null)));

        var f = Assert.Single(report.Findings, x => x.RuleId == "KIAC203");
        Assert.Equal(["cluster-autoscaler"], f.Impact.Components.ToArray());
        Assert.Equal(["kube-system/cluster-autoscaler"], f.Impact.ServiceAccounts.ToArray());
    }

    [Fact]
    public void Destroying_an_association_no_workload_uses_is_quiet()
    {
        var world = PodIdentityWorld();
        var assoc = world.Aws.PodIdentityAssociations[1];

        var report = Analyzer.Run(world, Plan(Change("aws_eks_pod_identity_association", "aws_eks_pod_identity_association.unused", Delete, AssociationValues(assoc), PlanValue.Null)));

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void A_Pod_Identity_role_whose_trust_drops_pods_eks_breaks_the_service_account()
    {
        var report = ChangeTrust("cluster-autoscaler", Ec2Trust, PodIdentityWorld());

        var f = Assert.Single(report.Findings, x => x.RuleId == "KIAC203");
        Assert.Contains("pods.eks.amazonaws.com", f.Message);
    }

    [Fact]
    public void A_node_role_trust_without_EC2_breaks_every_node()
    {
        var trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

        var report = ChangeTrust("prod-node", trust);

        var f = Assert.Single(report.Findings);
        Assert.Equal("KIAC205", f.RuleId);
        Assert.Equal(3, f.Impact.Nodes.Length);
        Assert.Contains("kubelet", f.Impact.Components);
        Assert.Contains("aws-node", f.Impact.Components);
        Assert.Equal(TimeToImpact.OnCredentialRefresh, f.Impact.TimeToImpact);
    }

    [Fact]
    public void A_node_role_trust_that_adds_a_principal_and_keeps_EC2_is_quiet()
    {
        var trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com","ssm.amazonaws.com"]},"Action":"sts:AssumeRole"}]}""";

        var report = ChangeTrust("prod-node", trust);

        Assert.Empty(report.Findings);
        Assert.Equal(Verdict.Safe, report.Verdict);
    }

    [Fact]
    public void Without_a_described_EKS_cluster_the_provider_comes_from_the_trust_policy_before_the_change()
    {
        var world = Build();
        world = world with { Aws = world.Aws with { EksClusters = [] } };

        var f = Assert.Single(ChangeTrust("external-dns", IrsaTrust("kube-system", "external-dns"), world).Findings);

        Assert.Equal("KIAC201", f.RuleId);
        Assert.Contains(f.Evidence, e => e.Fact.Contains("federated principal of role external-dns's trust policy", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_service_accounts_a_trust_change_names_the_missing_state()
    {
        var world = Build();
        world = world with { Kube = world.Kube with { ServiceAccounts = [], Loaded = [Kalc.Iac.KubeModel.Model.KubeStateKind.Nodes, Kalc.Iac.KubeModel.Model.KubeStateKind.Workloads] } };

        var report = ChangeTrust("external-dns", IrsaTrust("kube-system", "external-dns"), world);

        Assert.Empty(report.Findings);
        Assert.Equal(Verdict.Incomplete, report.Verdict);
        Assert.Contains(report.Missing, m => m.StartsWith("Kubernetes service accounts", StringComparison.Ordinal) && m.Contains("aws_iam_role.external_dns", StringComparison.Ordinal));
    }
}
