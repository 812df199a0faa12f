using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Reporting.Tests;

/// <summary>Reports built by hand as the analyzers would build them, for golden and property tests.</summary>
internal static class SampleReports
{
    public static readonly ReportOptions Options = new() { ToolVersion = "0.1.0-test" };

    public static readonly RuleDescriptor ProfileDeleted = RuleDescriptors.Create(
        "KIAC101", "node-credentials", "Node instance profile deleted", Severity.Critical,
        "Nodes get their AWS credentials from the instance profile attached to their EC2 instance. Without it, IMDS stops serving role credentials and everything on the node that calls AWS as the node fails once the current credentials expire.",
        "Keep the instance profile until the instances using it are replaced, or attach another profile whose role has the same permissions before deleting it (aws ec2 replace-iam-instance-profile-association).",
        "kubelet", "aws-node", "cloud-controller-manager");

    public static readonly RuleDescriptor IrsaTrustBroken = RuleDescriptors.Create(
        "KIAC201", "iam-permissions", "IRSA role no longer trusts the service account", Severity.High,
        "A pod using IAM Roles for Service Accounts assumes its role with the cluster's OIDC token; the role's trust policy must allow sts:AssumeRoleWithWebIdentity for that provider and service account.",
        "Keep a trust statement for the cluster's OIDC provider with the condition on system:serviceaccount:<namespace>:<name>.",
        "aws-load-balancer-controller");

    public static readonly RuleDescriptor SubnetTagRemoved = RuleDescriptors.Create(
        "KIAC310", "networking", "Subnet loses its load balancer role tag", Severity.Medium,
        "The AWS load balancer controller and the cloud provider pick subnets for load balancers by the kubernetes.io/role/elb tags.",
        "Keep the kubernetes.io/role/elb (public) or kubernetes.io/role/internal-elb (private) tag on the subnets.",
        "aws-load-balancer-controller");

    private static readonly string[] NodeInstances = ["i-0a1b2c3d4e5f60718", "i-0b2c3d4e5f6071829", "i-0c3d4e5f607182930"];

    private static readonly string[] NodeNames =
    [
        "ip-10-0-1-17.eu-west-1.compute.internal",
        "ip-10-0-2-33.eu-west-1.compute.internal",
        "ip-10-0-3-41.eu-west-1.compute.internal",
    ];

    public static ChangeSummary Summary(int analysed, int unsupported, int unknown, params (ChangeKind Kind, int Count)[] byAction) => new()
    {
        Total = analysed + unsupported + unknown,
        ByAction = byAction.ToImmutableDictionary(x => x.Kind, x => x.Count),
        Analysed = analysed,
        Unsupported = unsupported,
        Unknown = unknown,
    };

    /// <summary>The outage from the README: the node instance profile goes, three nodes lose their credentials.</summary>
    public static Finding InstanceProfileDeletion() => new()
    {
        RuleId = "KIAC101",
        Severity = Severity.Critical,
        Title = "Node instance profile deleted",
        Message = "Deleting instance profile kube-node removes the AWS identity of 3 running instances that are nodes of the cluster; kubelet, aws-node and cloud-controller-manager on them lose their AWS credentials.",
        Change = new ChangeRef("module.iam.aws_iam_instance_profile.kube_node", ["delete"]),
        Source = new SourceRef("modules/iam/main.tf", 42),
        Impact = new Impact
        {
            Components = ["kubelet", "aws-node", "cloud-controller-manager"],
            Instances = [.. NodeInstances],
            Nodes = [.. NodeNames],
            ServiceAccounts = ["kube-system/aws-node"],
            TimeToImpact = TimeToImpact.OnCredentialRefresh,
        },
        Evidence =
        [
            new("plan deletes module.iam.aws_iam_instance_profile.kube_node", SourceRef.Of("plan.json: resource_changes[17]")),
            new("it is instance profile arn:aws:iam::123456789012:instance-profile/kube-node, holding role kube-node-role", SourceRef.Of("aws/iam-authorization-details.json: RoleDetailList[kube-node-role].InstanceProfileList[0]")),
            new($"3 running instances use it: {string.Join(", ", NodeInstances)}", SourceRef.Of("aws/ec2-instances.json: Reservations[].Instances[].IamInstanceProfile.Arn")),
            new($"they are the nodes {string.Join(", ", NodeNames)}", SourceRef.Of("k8s/nodes.json: spec.providerID aws:///eu-west-1a/i-0a1b2c3d4e5f60718 ...")),
            new("kubelet, aws-node and cloud-controller-manager on those nodes call AWS as kube-node-role through IMDS", SourceRef.Of("requirement catalog: kubelet ecr:GetAuthorizationToken, aws-node ec2:AssignPrivateIpAddresses, cloud-controller-manager ec2:DescribeInstances")),
            new("IMDS credentials stop refreshing; kubelet cannot pull from ECR, aws-node cannot assign pod IPs, node lifecycle breaks", SourceRef.Of("IMDS serves role credentials only while an instance profile is associated")),
            new("on-credential-refresh: the current credentials keep working until they expire, then every call fails", SourceRef.Of("time to impact: IMDS role credentials")),
        ],
        Remediation = "Keep the instance profile until the instances using it are replaced, or associate a replacement profile first (aws ec2 replace-iam-instance-profile-association).",
    };

    public static Finding IrsaTrustRemoved() => new()
    {
        RuleId = "KIAC201",
        Severity = Severity.High,
        Title = "IRSA role no longer trusts the service account",
        Message = "The new trust policy of role alb-controller no longer allows kube-system/aws-load-balancer-controller to assume it through the cluster's OIDC provider.",
        Change = new ChangeRef("module.eks.aws_iam_role.alb_controller", ["update"]),
        Source = null,
        Impact = new Impact
        {
            Components = ["aws-load-balancer-controller"],
            ServiceAccounts = ["kube-system/aws-load-balancer-controller"],
            TimeToImpact = TimeToImpact.OnCredentialRefresh,
        },
        Evidence =
        [
            new("plan updates assume_role_policy of module.eks.aws_iam_role.alb_controller", SourceRef.Of("plan.json: resource_changes[4]")),
            new("the new policy trusts oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE only for system:serviceaccount:default:alb", SourceRef.Of("plan.json: resource_changes[4].change.after.assume_role_policy")),
            new("service account kube-system/aws-load-balancer-controller is annotated with this role", SourceRef.Of("k8s/serviceaccounts.json: eks.amazonaws.com/role-arn")),
        ],
        Remediation = "Keep the StringEquals condition on system:serviceaccount:kube-system:aws-load-balancer-controller.",
    };

    public static AnalysisReport Breaks() => new()
    {
        Verdict = Verdict.Breaks,
        Input = new InputInfo("terraform-json", "1.2", "terraform 1.9.5"),
        Changes = Summary(5, 8, 1, (ChangeKind.Create, 4), (ChangeKind.Update, 6), (ChangeKind.Delete, 2), (ChangeKind.Replace, 1), (ChangeKind.NoOp, 1)),
        // Deliberately out of order: reporters sort worst first.
        Findings = [IrsaTrustRemoved(), InstanceProfileDeletion()],
        AccountId = "123456789012",
        Rules = [ProfileDeleted, IrsaTrustBroken, SubnetTagRemoved],
    };

    public static AnalysisReport Safe() => new()
    {
        Verdict = Verdict.Safe,
        Input = new InputInfo("terraform-json", "1.2", "terraform 1.9.5"),
        // Safe: every change analysed (a safe report has nothing unsupported or unknown).
        Changes = Summary(12, 0, 0, (ChangeKind.Create, 3), (ChangeKind.Update, 6), (ChangeKind.Delete, 1), (ChangeKind.NoOp, 2)),
        AccountId = "123456789012",
        Rules = [ProfileDeleted, IrsaTrustBroken, SubnetTagRemoved],
    };

    public static AnalysisReport Incomplete() => new()
    {
        Verdict = Verdict.Incomplete,
        Missing =
        [
            "iam get-account-authorization-details: AccessDenied (arn:aws:iam::123456789012:user/ci is not authorized to perform iam:GetAccountAuthorizationDetails)",
            "Kubernetes state: no --k8s-state given",
        ],
        Input = new InputInfo("terraform-text", null, null),
        Changes = Summary(20, 15, 5, (ChangeKind.Create, 5), (ChangeKind.Update, 30), (ChangeKind.Delete, 2), (ChangeKind.Replace, 3)) with
        {
            NotAnalysed =
            [
                new UnanalysedChange("aws_security_group_rule.node_ingress", MappingStatus.Unsupported, "aws_security_group_rule.node_ingress changes security group sg-0ab12cd34ef567890 of 12 nodes: aws_security_group_rule changes are not analysed"),
                // Said after the address, as the judge says most reasons: the golden files show the whole sentence.
                new UnanalysedChange("aws_iam_role_policy_attachment.extra", MappingStatus.Unknown, "the role or the policy ARN is known only after apply") { AfterAddress = true },
            ],
        },
        Notes = ["text plan: unchanged attributes are hidden", "nodes inferred from EC2 tags"],
        NotRead = [new("aws/route53-zones.json", "aws route53 list-hosted-zones"), new("k8s/cronjobs.json", "kubectl get cronjobs (3 objects)")],
        Rules = [ProfileDeleted, IrsaTrustBroken, SubnetTagRemoved],
    };

    public static IEnumerable<(string Name, AnalysisReport Report)> All() =>
        [("breaks", Breaks()), ("safe", Safe()), ("incomplete", Incomplete())];

    public static string Render(string format, AnalysisReport report, ReportOptions? options = null)
    {
        var output = new StringWriter();
        Reporters.For(format).Write(report, output, options ?? Options);
        return output.ToString();
    }
}
