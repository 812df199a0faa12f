using System.Collections.Immutable;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Network;

/// <summary>Where the API server must connect to call an admission webhook or an aggregated API: the Service it names,
/// the port on the pods (the Service's targetPort, a container port name resolved through the pods' ports), the
/// workloads behind the selector and the nodes their pods may run on.</summary>
public sealed record WebhookTarget
{
    /// <summary>"ValidatingWebhookConfiguration aws-load-balancer-webhook, webhook vingress.elbv2.k8s.aws" or "APIService v1beta1.metrics.k8s.io".</summary>
    public required string Name { get; init; }

    /// <summary>admission-webhook or aggregated-api (the catalog flow).</summary>
    public required string FlowId { get; init; }

    public AdmissionWebhook? Webhook { get; init; }

    public ApiService? ApiService { get; init; }

    public required KubeService Service { get; init; }

    public required int ServicePort { get; init; }

    public required int PodPort { get; init; }

    /// <summary>How the port was resolved, for the evidence: "Service kube-system/x port 443 -> targetPort webhook-server -> containerPort 9443 of Deployment/kube-system/x".</summary>
    public required string PortChain { get; init; }

    public required ImmutableArray<Workload> Workloads { get; init; }

    public required ImmutableArray<string> Nodes { get; init; }

    /// <summary>True when every pod's node is known (DaemonSets, bare pods); otherwise the nodes the scheduler may use.</summary>
    public bool NodesExact { get; init; }

    /// <summary>Fail for webhooks that fail closed; aggregated APIs always fail (their API is unavailable).</summary>
    public bool FailsClosed => Webhook?.FailsClosed ?? true;
}
