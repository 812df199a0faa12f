using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.PlanParser.Kubespray;

namespace Kalc.Iac.Analyzers.Rules.Kubespray;

/// <summary>KIAC312: the pod or service CIDR overlaps the VPC or its subnets.</summary>
public sealed class ClusterCidrOverlapsVpc : KubesprayRule
{
    public static readonly RuleDescriptor Rule = RuleDescriptors.Create("KIAC312", "kubespray",
        "Pod or service CIDR overlaps the VPC", Severity.High,
        "Pod and service addresses are routed inside the cluster; when they overlap the VPC's CIDR or a subnet, "
        + "traffic from pods to instances, load balancers or AWS endpoints in the overlapping range is sent into the "
        + "cluster network instead and never arrives.",
        "Choose kube_pods_subnet and kube_service_addresses outside every VPC CIDR and subnet the nodes reach.",
        "cni", "kube-proxy")
        .Judging([RuleDescriptors.KubesprayRun]) with { ReadsWhenRelevant = [StateNeed.Vpcs, StateNeed.Subnets] };

    public override RuleDescriptor Descriptor => Rule;

    protected override IEnumerable<Finding> Evaluate(KubesprayRun run, LiveCluster live, AnalysisContext context)
    {
        var aws = context.Before.Aws;
        foreach (var name in new[] { "kube_pods_subnet", "kube_service_addresses" })
        {
            if (!run.Cluster.TryGetValue(name, out var v) || !Cidr.TryParse(v.Value.Text, out var planned)) continue;
            var hits = Ranges(aws).Where(r => Cidr.TryParse(r.Cidr, out var c) && c.Overlaps(planned)).ToList();
            if (hits.Count == 0) continue;
            yield return Finding(run, name, v.Value.Source,
                $"{name} {planned} (from {v.Value.Source}) overlaps {string.Join(", ", hits.Take(5).Select(h => $"{h.What} {h.Cidr}"))}: "
                + "pods cannot reach addresses in the overlap.",
                [Effective(run, v.Value), .. hits.Take(5).Select(h => new Evidence($"{h.What} has CIDR {h.Cidr}", h.From))],
                $"Move {name} to a range outside {string.Join(", ", hits.Select(h => h.Cidr).Distinct())}.");
        }
    }

    protected override IEnumerable<string> Missing(KubesprayRun run, LiveCluster live, AnalysisContext context)
    {
        var aws = context.Before.Aws;
        // Only a cluster on AWS has a VPC to overlap: nodes with aws:// provider IDs, or the AWS cloud provider configured.
        var onAws = live.Nodes.Any(n => n.ProviderId?.StartsWith("aws://", StringComparison.Ordinal) == true) ||
            run.Cluster.GetValueOrDefault("cloud_provider")?.Value.Text is "aws" || run.Cluster.GetValueOrDefault("external_cloud_provider")?.Value.Text is "aws";
        if (onAws && !aws.Loaded.Contains(AwsStateKind.Vpcs) && !aws.Loaded.Contains(AwsStateKind.Subnets) && aws.Vpcs.IsEmpty && aws.Subnets.IsEmpty)
            yield return "AWS VPCs and subnets (--aws-state) to check pod and service CIDRs against";
    }

    private static IEnumerable<(string What, string Cidr, SourceRef From)> Ranges(AwsState aws) =>
        aws.Vpcs.SelectMany(v => v.CidrBlocks.Select(c => ($"VPC {v.VpcId}", c, v.Source)))
            .Concat(aws.Subnets.Where(s => s.CidrBlock is not null).Select(s => ($"subnet {s.SubnetId}", s.CidrBlock!, s.Source)));
}
