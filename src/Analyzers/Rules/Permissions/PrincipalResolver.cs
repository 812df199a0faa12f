using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Catalog;
using Kalc.Iac.Analyzers.Cluster;
using Kalc.Iac.AwsModel.Model;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>Resolves which IAM role each catalog component runs as in the world before the change: kubelet as the role of
/// every node; a workload as its IRSA role, its Pod Identity role, or the roles of the nodes it may run on.</summary>
public static class PrincipalResolver
{
    public static ImmutableArray<ComponentPrincipal> Resolve(ClusterTopology topology, RequirementCatalog catalog)
    {
        var nodeRoles = new Dictionary<string, NodeRole?>(StringComparer.Ordinal);
        var nodesByName = topology.Nodes.GroupBy(n => n.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        NodeRole? RoleOfNode(string name)
        {
            if (nodeRoles.TryGetValue(name, out var cached)) return cached;
            var node = nodesByName.GetValueOrDefault(name);
            return nodeRoles[name] = node is null ? null : NodeRole.Of(topology, node);
        }

        var result = ImmutableArray.CreateBuilder<ComponentPrincipal>();
        if (catalog.For("kubelet") is { } kubelet)
            result.AddRange(ByNodeRole("kubelet", kubelet, topology.Nodes.Select(n => n.Name), RoleOfNode, [], [], onEveryNode: true));

        var roles = topology.World.Aws.Roles.ToDictionary(r => r.Arn, StringComparer.Ordinal);
        foreach (var group in topology.Workloads.Where(w => w.Component is not null).GroupBy(w => (w.ComponentName, w.Identity.Source, w.Identity.RoleArn)))
        {
            if (catalog.For(group.Key.ComponentName) is not { } reqs || reqs.Requirements.IsEmpty) continue;
            var workloads = group.Select(w => w.Workload.Key).ToImmutableArray();
            var sas = group.Select(w => $"{w.Workload.Namespace}/{w.Workload.ServiceAccountName}").Distinct().ToImmutableArray();
            var daemon = group.Any(w => w.Workload.Kind == "DaemonSet");
            switch (group.Key.Source)
            {
                case IdentitySource.Node:
                    var nodes = group.SelectMany(w => w.Placement.Nodes).Distinct();
                    result.AddRange(ByNodeRole(group.Key.ComponentName, reqs, nodes, RoleOfNode, workloads, sas, daemon));
                    break;
                case IdentitySource.Irsa or IdentitySource.PodIdentity when group.Key.RoleArn is { } arn && roles.TryGetValue(arn, out var role):
                    result.Add(new ComponentPrincipal
                    {
                        Component = group.Key.ComponentName,
                        Requirements = reqs,
                        Role = role,
                        Source = group.Key.Source,
                        HowResolved = group.First().Identity.Evidence,
                        OnEveryNode = daemon,
                        Workloads = workloads,
                        ServiceAccounts = sas,
                    });
                    break;
            }
        }
        if (catalog.For("eks-pod-identity-agent") is { } agent && !topology.Workloads.Any(w => w.ComponentName == "eks-pod-identity-agent") &&
            OnBehalfDependents.UsesPodIdentity(topology))
        {
            // An EKS add-on whose DaemonSet the workload state need not list: Pod Identity works only with it on the nodes.
            result.AddRange(ByNodeRole("eks-pod-identity-agent", agent, topology.Nodes.Select(n => n.Name), RoleOfNode, [], ["kube-system/eks-pod-identity-agent"], onEveryNode: true)
                .Select(p => p with { HowResolved = $"workloads use EKS Pod Identity, which needs the agent on their nodes (not in the workload state); {p.HowResolved}" }));
        }
        return [.. result.Select(p => p with { Dependents = OnBehalfDependents.Of(p.Component, p.Nodes, topology) })];
    }

    private static IEnumerable<ComponentPrincipal> ByNodeRole(string component, ComponentRequirements reqs, IEnumerable<string> nodes,
        Func<string, NodeRole?> roleOf, ImmutableArray<string> workloads, ImmutableArray<string> sas, bool onEveryNode)
    {
        var byRole = nodes.Select(roleOf).OfType<NodeRole>().GroupBy(n => n.Role.Arn);
        foreach (var g in byRole)
        {
            var list = g.ToList();
            yield return new ComponentPrincipal
            {
                Component = component,
                Requirements = reqs,
                Role = list[0].Role,
                Source = IdentitySource.Node,
                HowResolved = list.Count == 1 ? list[0].How : $"{list[0].How} (and {list.Count - 1} more nodes with the same role)",
                OnEveryNode = onEveryNode,
                Workloads = workloads,
                ServiceAccounts = sas,
                Nodes = [.. list.Select(n => n.Node.Name).Order(StringComparer.Ordinal)],
                Instances = [.. list.Select(n => n.Instance.InstanceId).Order(StringComparer.Ordinal)],
            };
        }
    }
}
