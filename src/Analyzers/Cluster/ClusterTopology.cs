using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Catalog;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Cluster;

/// <summary>The joins of one World: EC2 instance -> Kubernetes node -> workloads, and each workload's identity.
/// Instances and nodes are joined by providerID (aws:///zone/i-...), falling back to the private DNS name.</summary>
public sealed class ClusterTopology
{
    private readonly Dictionary<string, KubeNode> nodeByInstance = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), ServiceAccount> serviceAccounts = new();
    private readonly Dictionary<(string, string), PodIdentityAssociation> podIdentities = new();
    private readonly AwsIndex aws;

    public ClusterTopology(World world, ComponentCatalog catalog)
    {
        World = world;
        aws = new AwsIndex(world.Aws);
        NodesInferred = !world.Kube.Loaded.Contains(KubeStateKind.Nodes);
        Nodes = NodesInferred ? NodeInference.FromInstances(world.Aws) : world.Kube.Nodes;
        foreach (var n in Nodes)
        {
            var id = n.InstanceId ?? aws.InstanceByDns.GetValueOrDefault(n.Name)?.InstanceId;
            if (id is not null) nodeByInstance.TryAdd(id, n);
        }
        foreach (var sa in world.Kube.ServiceAccounts) serviceAccounts.TryAdd((sa.Namespace, sa.Name), sa);
        foreach (var a in world.Aws.PodIdentityAssociations) podIdentities.TryAdd((a.Namespace, a.ServiceAccount), a);
        Workloads = [.. world.Kube.Workloads.Select(w => Join(w, catalog))];
    }

    public World World { get; }

    /// <summary>True when no Node objects were read and nodes come from EC2 tags.</summary>
    public bool NodesInferred { get; }

    public ImmutableArray<KubeNode> Nodes { get; }

    public ImmutableArray<ClusterWorkload> Workloads { get; }

    public KubeNode? NodeOf(string instanceId) => nodeByInstance.TryGetValue(instanceId, out var n) ? n : null;

    private ClusterWorkload Join(Workload w, ComponentCatalog catalog) =>
        new(w, catalog.Recognise(w), IdentityOf(w), PlacementOf(w));

    private WorkloadIdentity IdentityOf(Workload w)
    {
        if (w.IsStaticPod)
            return new WorkloadIdentity(IdentitySource.Node, null, $"{w.Key} is a static pod of node {w.NodeName}: it uses the node's instance profile");
        var sa = serviceAccounts.GetValueOrDefault((w.Namespace, w.ServiceAccountName));
        if (sa?.IrsaRoleArn is { } irsa)
            return new WorkloadIdentity(IdentitySource.Irsa, irsa, $"service account {sa.Key} has annotation {ServiceAccount.IrsaRoleAnnotation}={irsa}");
        var pia = podIdentities.GetValueOrDefault((w.Namespace, w.ServiceAccountName));
        if (pia is not null)
            return new WorkloadIdentity(IdentitySource.PodIdentity, pia.RoleArn, $"EKS Pod Identity association {pia.AssociationId} maps {w.Namespace}/{w.ServiceAccountName} to {pia.RoleArn ?? "a role"}");
        if (w.EnvNames.Contains("AWS_ROLE_ARN") && w.EnvNames.Contains("AWS_WEB_IDENTITY_TOKEN_FILE"))
            return new WorkloadIdentity(IdentitySource.Irsa, null, $"{w.Key} sets AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE itself");
        if (w.EnvNames.Contains("AWS_ACCESS_KEY_ID"))
            return new WorkloadIdentity(IdentitySource.StaticKeys, null, $"{w.Key} sets AWS_ACCESS_KEY_ID");
        return new WorkloadIdentity(IdentitySource.Node, null,
            $"{w.Key} runs as service account {w.Namespace}/{w.ServiceAccountName}, which has no IRSA role or Pod Identity association, so it uses the node's instance profile");
    }

    private WorkloadPlacement PlacementOf(Workload w)
    {
        if (w.NodeName is { } bound) return new WorkloadPlacement([bound], true);
        var candidates = Nodes.Where(n => Matches(w, n)).Select(n => n.Name).ToImmutableArray();
        return new WorkloadPlacement(candidates, w.Kind == "DaemonSet");
    }

    private static bool Matches(Workload w, KubeNode n)
    {
        if (w.OnControlPlane && !n.IsControlPlane && !n.Inferred) return false;
        if (n.ControlPlaneTainted && !w.ToleratesControlPlane) return false;
        foreach (var (k, v) in w.NodeSelector)
        {
            if (IsControlPlaneKey(k)) { if (!n.IsControlPlane) return false; continue; }
            if (n.Inferred) continue; // labels of inferred nodes are not known
            if (!n.Labels.TryGetValue(k, out var actual) || actual != v) return false;
        }
        return true;
    }

    private static bool IsControlPlaneKey(string key) =>
        key is "node-role.kubernetes.io/control-plane" or "node-role.kubernetes.io/master";

    /// <summary>The instance a node runs on, for evidence: by instance id, else by private DNS name.</summary>
    public Ec2Instance? InstanceOf(KubeNode node) =>
        node.InstanceId is { } id ? aws.InstanceById.GetValueOrDefault(id) : aws.InstanceByDns.GetValueOrDefault(node.Name);

    /// <summary>The instance profile with this ARN, else (an ARN made before the profile's path was known) this name.</summary>
    public InstanceProfile? ProfileOf(string arn, string name) =>
        aws.ProfileByArn.GetValueOrDefault(arn) ?? aws.ProfileByName.GetValueOrDefault(name);

    public IamRole? RoleNamed(string name) => aws.RoleByName.GetValueOrDefault(name);

    /// <summary>The world's AWS objects by the keys the joins use (node to instance by id or private DNS name, instance
    /// to profile, profile to role), each the first in the state's order as a search of the lists would find: searching
    /// instead is nodes times instances, millions of comparisons on a large cluster.</summary>
    private sealed class AwsIndex
    {
        public AwsIndex(AwsState state)
        {
            InstanceById = new(state.Instances.Length, StringComparer.Ordinal);
            InstanceByDns = new(state.Instances.Length, StringComparer.OrdinalIgnoreCase);
            ProfileByArn = new(state.InstanceProfiles.Length, StringComparer.Ordinal);
            ProfileByName = new(state.InstanceProfiles.Length, StringComparer.Ordinal);
            RoleByName = new(state.Roles.Length, StringComparer.Ordinal);
            foreach (var i in state.Instances)
            {
                InstanceById.TryAdd(i.InstanceId, i);
                if (i.PrivateDnsName is { } dns) InstanceByDns.TryAdd(dns, i);
            }
            foreach (var p in state.InstanceProfiles)
            {
                ProfileByArn.TryAdd(p.Arn, p);
                ProfileByName.TryAdd(p.Name, p);
            }
            foreach (var r in state.Roles) RoleByName.TryAdd(r.Name, r);
        }

        public Dictionary<string, Ec2Instance> InstanceById { get; }

        public Dictionary<string, Ec2Instance> InstanceByDns { get; }

        public Dictionary<string, InstanceProfile> ProfileByArn { get; }

        public Dictionary<string, InstanceProfile> ProfileByName { get; }

        public Dictionary<string, IamRole> RoleByName { get; }
    }
}
