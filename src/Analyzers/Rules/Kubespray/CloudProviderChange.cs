using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Kubespray;

namespace Kalc.Iac.Analyzers.Rules.Kubespray;

/// <summary>KIAC309: the cloud provider a run configures is off or different from the one the cluster runs with.</summary>
public sealed class CloudProviderChange : KubesprayRule
{
    public static readonly RuleDescriptor Rule = RuleDescriptors.Create("KIAC309", "kubespray",
        "Cloud provider switched off or changed", Severity.High,
        "Nodes registered by a cloud provider carry its providerID, and the cloud's load balancers, volumes and node "
        + "lifecycle are driven by the in-tree provider (--cloud-provider) or a cloud-controller-manager. A run with "
        + "cloud_provider unset or different restarts kubelet and the control plane without it: new nodes lose their "
        + "providerID and cloud routes, LoadBalancer Services and volumes stop being reconciled.",
        "Set cloud_provider (and external_cloud_provider) to what the cluster runs with, for every cluster host.",
        "kubelet", "kube-controller-manager", "cloud-controller-manager")
        .Judging([RuleDescriptors.KubesprayRun], StateNeed.Nodes);

    public override RuleDescriptor Descriptor => Rule;

    protected override IEnumerable<Finding> Evaluate(KubesprayRun run, LiveCluster live, AnalysisContext context)
    {
        var planned = run.Cluster.GetValueOrDefault("cloud_provider")?.Value;
        var external = run.Cluster.GetValueOrDefault("external_cloud_provider")?.Value;
        if (planned is not null && !planned.Rendered.IsKnown) yield break;
        var provider = planned?.Text ?? "";
        var providerIds = live.ProviderIds;
        var scheme = providerIds.Select(p => p.Provider).FirstOrDefault();
        var ccms = live.CloudControllerManagers;
        var liveMode = live.CloudProviderArg is { Length: > 0 } arg && arg != "external" ? arg
            : ccms.Length > 0 || live.CloudProviderArg == "external" ? "external" : scheme;
        if (liveMode is null) yield break;
        string? problem = null;
        if (provider.Length == 0)
            problem = "switches the cloud provider off";
        else if (provider != "external" && liveMode != provider && (scheme is null || scheme != provider))
            problem = $"changes the cloud provider from {liveMode} to {provider}";
        else if (provider == "external" && live.CloudProviderArg is { Length: > 0 } inTree && inTree != "external" && ccms.Length == 0)
            problem = $"moves from the in-tree {inTree} provider to an external cloud-controller-manager ({(external?.Text is { Length: > 0 } e ? e : "none set")}) the cluster does not run";
        if (problem is null) yield break;
        var evidence = new List<Evidence>();
        if (planned is not null) evidence.Add(Effective(run, planned));
        else evidence.Add(new("cloud_provider is not set anywhere (no role default in this release)", Kubespray(run, run.DefaultsOrigin)));
        if (live.CloudProviderArg is { } a2) evidence.Add(new($"kubeadm-config sets --cloud-provider={a2}", live.KubeadmSource ?? SourceRef.Analysis("kubeadm-config")));
        evidence.AddRange(ccms.Take(3).Select(w => new Evidence($"{w.Kind} {w.Namespace}/{w.Name} runs a cloud-controller-manager", w.Source)));
        evidence.AddRange(providerIds.Take(3).Select(p => new Evidence($"node {p.Node.Name} has providerID {p.Node.ProviderId}", p.Node.Source)));
        yield return Finding(run, "cloud_provider", planned?.Source ?? PlanParser.Kubespray.Model.VariableSource.Unset,
            $"cloud_provider is {(planned is null ? "not set" : Quote(provider))} but the cluster runs with the {liveMode} cloud provider "
            + $"({providerIds.Length} node(s) with a {scheme ?? "cloud"} providerID): the next kubespray run {problem}.",
            evidence,
            $"Set cloud_provider: {(liveMode == "external" ? "external" : liveMode)}"
            + (liveMode == "external" ? " and external_cloud_provider to the running cloud-controller-manager" : "")
            + " for every cluster host (group_vars/k8s_cluster/ or group_vars/all/).",
            providerIds.Select(p => p.Node.Name));
    }
}
