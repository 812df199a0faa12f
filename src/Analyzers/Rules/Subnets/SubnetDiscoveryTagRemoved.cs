using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules.Lifecycle;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Rules.Subnets;

/// <summary>KIAC601: subnets lose the tags (or are destroyed) by which load balancers of the cluster's Services and Ingresses
/// find them: kubernetes.io/role/elb, kubernetes.io/role/internal-elb, kubernetes.io/cluster/NAME.</summary>
public sealed class SubnetDiscoveryTagRemoved : IRule, IRequiresState
{
    public const string Id = "KIAC601";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "subnets",
        "Load balancer subnets lose the tags that make them discoverable",
        Severity.High,
        rationale: "The AWS Load Balancer Controller and the in-tree cloud provider place the load balancer of a LoadBalancer Service or " +
            "an ALB Ingress in subnets they discover by tag: kubernetes.io/role/elb for internet-facing, kubernetes.io/role/internal-elb " +
            "for internal ones (one subnet per Availability Zone), and, for the in-tree provider and controller versions up to v2.1.1, " +
            "kubernetes.io/cluster/NAME. A tags map rewritten by hand drops them: at the next reconcile the controller cannot resolve " +
            "subnets (\"unable to resolve at least one subnet\") or shrinks the load balancer to fewer zones, and new load balancers are not created.",
        remediation: "Keep the discovery tags on the subnets (merge them into the tags map, or set them with aws_ec2_tag), or name the " +
            "subnets explicitly on the objects (service.beta.kubernetes.io/aws-load-balancer-subnets, alb.ingress.kubernetes.io/subnets) first.",
        "aws-load-balancer-controller", "cloud-controller-manager")
        .Judging(["aws_subnet", "aws_ec2_tag"], StateNeed.Subnets);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<string> MissingState(AnalysisContext context)
    {
        if (!context.Before.Aws.Loaded.Contains(AwsStateKind.Subnets))
        {
            if (TouchesSubnets(context))
                yield return "subnets (aws ec2 describe-subnets): needed to know which subnets carry the load balancer discovery tags";
            yield break;
        }
        var discoveryTagLost = SubnetTagChanges.Find(context.Before.Aws, context.Mapped).Any(c => c.Destroyed || c.Subnet.Tags.Keys.Any(k =>
            c.Loses(k) && (k is LoadBalancerUser.ElbRole or LoadBalancerUser.InternalElbRole || k.StartsWith(LoadBalancerUser.ClusterTagPrefix, StringComparison.Ordinal))));
        if (!discoveryTagLost) yield break;
        foreach (var (kind, command) in (IEnumerable<(KubeStateKind, string)>)[(KubeStateKind.Services, "kubectl get services -A -o json"), (KubeStateKind.Ingresses, "kubectl get ingresses -A -o json")])
            if (!context.Before.Kube.Loaded.Contains(kind))
                yield return $"{kind} ({command}): needed to know which load balancers discover subnets by tag";
    }

    /// <summary>A subnet destroyed or updated, or a tag on a subnet removed: what needs the subnets' state to judge.</summary>
    private static bool TouchesSubnets(AnalysisContext context) =>
        context.Mapped.Any(m => m switch
        {
            Mapping.Aws.SubnetChange s => s.Change.Kind is not (PlanParser.Model.ChangeKind.Create or PlanParser.Model.ChangeKind.NoOp or PlanParser.Model.ChangeKind.Read),
            Mapping.Aws.Ec2TagChange t => t.Change.IsDelete && t.Before?.ResourceId.Value?.StartsWith("subnet-", StringComparison.Ordinal) != false,
            _ => false,
        });

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        var changes = SubnetTagChanges.Find(context.Before.Aws, context.Mapped);
        if (changes.Count == 0) return [];
        var users = LoadBalancerUser.In(context.Before.Kube).ToList();
        if (users.Count == 0) return [];
        var version = LoadBalancerControllerVersion.Of(context.Before.Kube);
        var findings = new List<Finding>();
        foreach (var vpc in changes.GroupBy(c => c.Subnet.VpcId))
        {
            var subnets = context.Before.Aws.Subnets.Where(s => s.VpcId == vpc.Key).ToList();
            var byId = vpc.ToDictionary(c => c.Subnet.SubnetId, StringComparer.Ordinal);
            findings.AddRange(RoleTagFindings(context, subnets, byId, users, version));
            findings.AddRange(ExplicitSubnetFindings(subnets, byId, users));
        }
        return findings;
    }

    private static IEnumerable<Finding> RoleTagFindings(AnalysisContext context, List<Subnet> subnets, Dictionary<string, SubnetAfter> changed,
        List<LoadBalancerUser> users, Version? version)
    {
        var clusterTags = context.Before.Aws.EksClusters.Select(c => LoadBalancerUser.ClusterTagPrefix + c.Name).ToHashSet(StringComparer.Ordinal);
        var tags = new List<string> { LoadBalancerUser.ElbRole, LoadBalancerUser.InternalElbRole };
        tags.AddRange(subnets.SelectMany(s => s.Tags.Keys).Where(k => k.StartsWith(LoadBalancerUser.ClusterTagPrefix, StringComparison.Ordinal)
            && (clusterTags.Count == 0 || clusterTags.Contains(k))).Distinct(StringComparer.Ordinal));
        foreach (var tag in tags)
        {
            var isClusterTag = tag.StartsWith(LoadBalancerUser.ClusterTagPrefix, StringComparison.Ordinal);
            var relying = users.Where(u => u.ExplicitSubnets is null && (isClusterTag
                ? !u.ByController || (version is { } v && v < LoadBalancerControllerVersion.ClusterTagOptional)
                : u.RoleTag == tag)).ToList();
            var lost = changed.Values.Where(c => c.Loses(tag)).ToList();
            if (relying.Count == 0 || lost.Count == 0) continue;
            var before = subnets.Where(s => s.Tags.ContainsKey(tag)).ToList();
            var after = before.Where(s => !lost.Any(l => l.Subnet.SubnetId == s.SubnetId)).ToList();
            var zonesBefore = before.Select(s => s.AvailabilityZone ?? s.SubnetId).Distinct(StringComparer.Ordinal).ToList();
            var zonesAfter = after.Select(s => s.AvailabilityZone ?? s.SubnetId).Distinct(StringComparer.Ordinal).ToList();
            var zonesLost = zonesBefore.Except(zonesAfter, StringComparer.Ordinal).ToList();
            if (zonesLost.Count == 0) continue; // another tagged subnet still serves every zone
            var fallsBack = !isClusterTag && after.Count == 0 && version is { } lbc && lbc >= LoadBalancerControllerVersion.RoleTagFallback && relying.All(u => u.ByController);
            var severity = after.Count == 0 && !fallsBack ? Severity.High : Severity.Medium;
            // One finding per tag: the changes that take it are listed together, the first one is the cause.
            foreach (var cause in new[] { lost })
            {
                var first = cause[0];
                var evidence = new List<Step>();
                foreach (var l in cause)
                {
                    evidence.Add(Step.Plan(l.Cause, l.Destroyed ? $"subnet {l.Subnet.SubnetId} is destroyed" : $"subnet {l.Subnet.SubnetId} loses tag {tag}"));
                    evidence.Add(new($"subnet {l.Subnet.SubnetId} ({l.Subnet.AvailabilityZone}) carries {tag}={l.Subnet.Tags[tag]} now", l.Subnet.Source));
                }
                evidence.Add(new($"after apply {LifecycleFindings.Plural(after.Count, "subnet", "subnets")} of {first.Subnet.VpcId} carry {tag}" +
                    (after.Count > 0 ? $" ({LifecycleFindings.Join(after.Select(s => $"{s.SubnetId} in {s.AvailabilityZone}"))}); zones without one: {LifecycleFindings.Join(zonesLost)}" : ""),
                    Kalc.Iac.Core.SourceRef.Of("kalc-iac subnet discovery (after)")));
                foreach (var u in relying.Take(8))
                    evidence.Add(new($"{u.Describe} discovers its subnets by tag {tag} (no subnets annotation)", u.Source));
                if (fallsBack)
                    evidence.Add(Step.Reference($"aws-load-balancer-controller v{version} falls back to subnets whose route table matches the scheme when no subnet has the role tag: placement changes", "https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/deploy/subnet_discovery/"));
                evidence.Add(Step.Reference(after.Count == 0 && !fallsBack
                        ? "symptom: the controller cannot resolve subnets for these load balancers; changes to them and new ones fail"
                        : $"symptom: the load balancers lose zone(s) {LifecycleFindings.Join(zonesLost)}: targets there stop receiving traffic through them",
                    "https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/deploy/subnet_discovery/"));
                evidence.Add(new("when: on-next-reconcile of each Service/Ingress (a change to it, a controller restart, the periodic resync)", Kalc.Iac.Core.SourceRef.Of("aws-load-balancer-controller")));
                yield return LifecycleFindings.For(Rule, first.Cause,
                    $"{LifecycleFindings.Plural(relying.Count, "load balancer", "load balancers")} ({LifecycleFindings.Join(relying.Select(u => $"{u.Kind} {u.Key}"), 4)}) find subnets by {tag}; " +
                    (after.Count == 0 ? $"after this change no subnet of {first.Subnet.VpcId} carries it." : $"after this change zone(s) {LifecycleFindings.Join(zonesLost)} have no subnet with it."),
                    new Impact
                    {
                        Components = [.. relying.Select(u => u.ByController ? "aws-load-balancer-controller" : "cloud-controller-manager").Distinct(StringComparer.Ordinal)],
                        TimeToImpact = TimeToImpact.OnNextReconcile,
                    },
                    evidence, severity);
            }
        }
    }

    private static IEnumerable<Finding> ExplicitSubnetFindings(List<Subnet> subnets, Dictionary<string, SubnetAfter> changed, List<LoadBalancerUser> users)
    {
        foreach (var c in changed.Values.Where(c => c.Destroyed))
        {
            var naming = users.Where(u => u.Names(c.Subnet)).ToList();
            if (naming.Count == 0) continue;
            var evidence = new List<Step> { Step.Plan(c.Cause, $"subnet {c.Subnet.SubnetId} is destroyed") };
            evidence.AddRange(naming.Select(u => new Step($"{u.Describe} names subnet {c.Subnet.SubnetId} in its subnets annotation ({u.ExplicitSubnets})", u.Source)));
            evidence.Add(Step.Reference("symptom: the controller cannot resolve a named subnet; the load balancer is not updated or created", "https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/annotations/#subnets"));
            yield return LifecycleFindings.For(Rule, c.Cause,
                $"Subnet {c.Subnet.SubnetId} is destroyed but {LifecycleFindings.Join(naming.Select(u => $"{u.Kind} {u.Key}"), 4)} name it for their load balancer.",
                new Impact { Components = ["aws-load-balancer-controller"], TimeToImpact = TimeToImpact.OnNextReconcile },
                evidence, Severity.High);
        }
    }
}
