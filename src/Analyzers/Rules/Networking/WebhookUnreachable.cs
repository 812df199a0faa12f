using Kalc.Iac.Core;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Network;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Rules.Networking;

/// <summary>KIAC502: a security group change stops the control plane reaching the pods behind an admission webhook or an
/// aggregated API service.</summary>
public sealed class WebhookUnreachable : IRule, IRequiresState
{
    public const string Id = "KIAC502";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "node-networking",
        "Admission webhook or aggregated API becomes unreachable from the control plane",
        Severity.High,
        rationale: "The API server calls admission webhooks and aggregated APIs on the pods behind their Service, at the pods' " +
            "container port (the Service's targetPort), from the control plane's ENIs. On EKS those carry the cluster security " +
            "group; the pods' addresses sit on the nodes' ENIs. When no rule lets the control plane reach that port any more, a " +
            "webhook with failurePolicy Fail refuses every request it intercepts (pods are not created, ingresses not admitted) " +
            "after its timeout; with Ignore, each such request waits for the timeout; an aggregated API (metrics.k8s.io) is " +
            "unavailable. The classic case: a node security group rewritten to allow only 443 and 10250 from the cluster, " +
            "while the load balancer controller's webhook listens on 9443.",
        remediation: "Allow the webhook's container port from the control plane (cluster security group) to the nodes' security " +
            "group, as terraform-aws-eks' node_security_group_additional_rules do for 9443/8443/4443, or keep the rule being removed.",
        "kube-apiserver")
        .Judging(["aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"], StateNeed.Instances, StateNeed.SecurityGroups, StateNeed.Workloads);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<string> MissingState(AnalysisContext context)
    {
        if (!context.Network.TouchesGroups) return [];
        var kube = context.Before.Kube;
        var missing = new List<string>(context.Network.Unresolved.Where(u => u.Contains("were not read", StringComparison.Ordinal)));
        if (!kube.Loaded.Contains(KubeStateKind.AdmissionWebhooks))
            missing.Add("webhook configurations (kubectl get mutatingwebhookconfigurations,validatingwebhookconfigurations -o json): the plan changes security groups");
        if (!kube.Loaded.Contains(KubeStateKind.ApiServices))
            missing.Add("API services (kubectl get apiservices -o json): the plan changes security groups");
        return missing;
    }

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        foreach (var group in NetworkFindings.ByChanges(context.Network.Losses.Where(l => l.Target is not null)))
        {
            foreach (var byTarget in group.GroupBy(l => (l.Target!.Name, l.Target.PodPort)))
            {
                var losses = byTarget.ToList();
                var target = losses[0].Target!;
                var webhook = target.Webhook;
                var severity = webhook is null ? Severity.High
                    : !webhook.FailsClosed ? Severity.Medium
                    : Intercepts(webhook, "pods") ? Severity.Critical : Severity.High;
                var blocks = webhook is null
                    ? $"the aggregated API {target.ApiService!.Group}/{target.ApiService.Version} is unavailable"
                    : webhook.FailsClosed
                        ? $"failurePolicy Fail: {webhook.Intercepts} requests{(webhook.HasNamespaceSelector || webhook.HasObjectSelector ? " (those its selectors match)" : "")} are refused"
                        : $"failurePolicy Ignore: {webhook.Intercepts} requests wait {webhook.TimeoutSeconds ?? 10}s each, then go through unchecked";
                var message = $"{NetworkFindings.Changes(losses[0].CausedBy)} stops the control plane reaching {target.Name} on tcp {target.PodPort} " +
                    $"({losses[0].Destination.Name}): {blocks}.";
                Evidence[] extra =
                [
                    new($"{target.Name} calls Service {target.Service.Key} port {target.ServicePort}", (webhook?.Source ?? target.ApiService!.Source)),
                    new($"port resolved: {target.PortChain}", target.Service.Source),
                    new($"its pods {(target.NodesExact ? "run" : "may run")} on {ClusterNetwork.Plural(target.Nodes.Length, "node")}: {string.Join(", ", target.Nodes.Take(10))}{(target.Nodes.Length > 10 ? ", ..." : "")}",
                        target.Workloads[0].Source),
                ];
                yield return NetworkFindings.Build(Rule, losses, severity, message, extra);
            }
        }
    }

    private static bool Intercepts(AdmissionWebhook webhook, string resource) =>
        webhook.Rules.Any(r => r.Resources.Any(x => x == resource || x == "*" || x == "*/*"));
}
