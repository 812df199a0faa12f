using System.Collections.Concurrent;
using Kalc.Iac.Analyzers.Catalog;
using Kalc.Iac.Analyzers.Cluster;
using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Projection;
using Kalc.Iac.Analyzers.Rules.NodeCredentials;
using Kalc.Iac.Analyzers.Rules.Permissions;
using Kalc.Iac.Analyzers.Judging;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules;

/// <summary>What a rule sees: the world before and after the change, the change itself, its changes mapped onto typed
/// values, the cluster topology (instance -> node -> workloads) and footprint of the world before, and the shared
/// analyses rules ask for (<see cref="Analysis{T}"/>).</summary>
public sealed class AnalysisContext
{
    private readonly Lazy<ClusterTopology> topology;
    private readonly Lazy<ClusterFootprint> footprint;
    private readonly Lazy<IReadOnlyList<MappedChange>> touchingExisting;
    private readonly ConcurrentDictionary<Type, Lazy<object>> shared = new();
    private readonly ConcurrentDictionary<Type, Lazy<object>> byKind = new();
    /// <summary>The mapped changes grouped by their exact type in one pass (a type test per change and kind asked is slow
    /// in shared generic code).</summary>
    private readonly Lazy<Dictionary<Type, MappedChange[]>> byRuntimeType;
    private readonly Lazy<Kalc.Iac.Analyzers.Network.NodeNetworkAnalysis> network;

    public AnalysisContext(World before, Change change, ComponentCatalog? catalog = null, RequirementCatalog? requirements = null, ResourceTypeClasses? types = null)
    {
        Before = before;
        Change = change;
        Catalog = catalog ?? ComponentCatalog.Default;
        Mapped = WorldProjection.MapAll(change);
        After = before.Apply(Mapped);
        Requirements = requirements ?? RequirementCatalog.Default;
        Types = types ?? ResourceTypes.Default;
        topology = new Lazy<ClusterTopology>(() => new ClusterTopology(Before, Catalog));
        footprint = new Lazy<ClusterFootprint>(() => new ClusterFootprint(Before, Topology));
        network = new(() => Kalc.Iac.Analyzers.Network.NodeNetworkAnalysis.Run(Topology, Mapped, Kalc.Iac.Analyzers.Network.FlowCatalog.Default));
        byRuntimeType = new(() => Group(Mapped));
        touchingExisting = new(() => TouchingExistingOf(Mapped));
    }

    /// <summary>The mapped changes by their exact type, in plan order, each kind in an array of its size (counted first: a
    /// large plan's kinds have tens of thousands of changes, and growing lists would drop a table per doubling).</summary>
    private static Dictionary<Type, MappedChange[]> Group(IReadOnlyList<MappedChange> mapped)
    {
        var counts = new Dictionary<Type, int>();
        foreach (var m in mapped) counts[m.GetType()] = counts.GetValueOrDefault(m.GetType()) + 1;
        var byType = counts.ToDictionary(c => c.Key, c => new MappedChange[c.Value]);
        var filled = new Dictionary<Type, int>(counts.Count);
        foreach (var m in mapped)
        {
            var n = filled.GetValueOrDefault(m.GetType());
            byType[m.GetType()][n] = m;
            filled[m.GetType()] = n + 1;
        }
        return byType;
    }

    private static MappedChange[] TouchingExistingOf(IReadOnlyList<MappedChange> mapped)
    {
        static bool Touches(MappedChange m) => m.Status == MappingStatus.Analysed && m.Change.Kind is not (ChangeKind.Create or ChangeKind.NoOp or ChangeKind.Read);
        var count = 0;
        foreach (var m in mapped) if (Touches(m)) count++;
        var touching = new MappedChange[count];
        count = 0;
        foreach (var m in mapped) if (Touches(m)) touching[count++] = m;
        return touching;
    }

    public World Before { get; }

    public World After { get; }

    public Change Change { get; }

    public ComponentCatalog Catalog { get; }

    public IReadOnlyList<MappedChange> Mapped { get; }

    /// <summary>The mapped changes of one kind, in plan order, listed once for all the rules that ask (a large plan has tens
    /// of thousands of changes, and rules look for one kind among them per node, role or service account).</summary>
    public IReadOnlyList<T> MappedOf<T>() where T : MappedChange =>
        (IReadOnlyList<T>)byKind.GetOrAdd(typeof(T), _ => new Lazy<object>(() => typeof(T).IsSealed
            ? byRuntimeType.Value.TryGetValue(typeof(T), out var ofKind) ? Array.ConvertAll(ofKind, m => (T)m) : Array.Empty<T>()
            : Mapped.OfType<T>().ToArray())).Value;

    /// <summary>The analysed changes that touch an object the world already has (not create, no-op or read): what the
    /// rules ask the state about, listed once for all of them (a large plan is mostly no-ops).</summary>
    public IReadOnlyList<MappedChange> TouchingExisting => touchingExisting.Value;

    public ClusterTopology Topology => topology.Value;

    /// <summary>What the cluster depends on in the world before the change.</summary>
    public ClusterFootprint Footprint => footprint.Value;

    /// <summary>The resource type catalogue's classes (in the cluster, cannot affect it, may affect it).</summary>
    public ResourceTypeClasses Types { get; }

    public RequirementCatalog Requirements { get; }

    /// <summary>Instances whose credential chain the change cuts, computed once for all node-credential rules.</summary>
    public IReadOnlyList<CredentialLoss> CredentialLosses => Analysis<NodeCredentialLosses>().All;

    /// <summary>IAM evaluation of every component's requirements and trust before and after, computed once for all permission rules.</summary>
    public PermissionAnalysis Permissions => Analysis<PermissionAnalysis>();

    /// <summary>The shared analysis <typeparamref name="T"/>, computed on first use (once, whichever rule asks first).</summary>
    public T Analysis<T>() where T : class, ISharedAnalysis<T> =>
        (T)shared.GetOrAdd(typeof(T), _ => new Lazy<object>(() => T.Compute(this))).Value;

    /// <summary>Flows between control plane, nodes and webhook pods that the change's security group edits block, computed once for the networking rules.</summary>
    public Kalc.Iac.Analyzers.Network.NodeNetworkAnalysis Network => network.Value;

    /// <summary>Computes the analyses the rules share, side by side: rules running in parallel would otherwise wait on
    /// whichever of them the first rule to ask is computing.</summary>
    public void ComputeShared() => Parallel.Invoke(
        () => _ = CredentialLosses,
        () => _ = Permissions.Losses,
        () => _ = Permissions.Trust,
        () => _ = TouchingExisting,
        () => _ = Footprint);
}
