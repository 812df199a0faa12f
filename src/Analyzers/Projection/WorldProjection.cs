using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Projection;

/// <summary><c>World.Apply(Change)</c>: the world as it will be after the change is applied.</summary>
public static class WorldProjection
{
    public static World Apply(this World world, Change change) => world.Apply(MapAll(change));

    public static World Apply(this World world, IReadOnlyList<MappedChange> mapped)
    {
        var (aws, unknowns) = AwsProjection.Apply(world.Aws, mapped);
        // Instances removed by the plan take their nodes with them.
        var live = new HashSet<string>(aws.Instances.Length, StringComparer.Ordinal);
        foreach (var i in aws.Instances) live.Add(i.InstanceId);
        var known = new HashSet<string>(world.Aws.Instances.Length, StringComparer.Ordinal);
        foreach (var i in world.Aws.Instances) known.Add(i.InstanceId);
        var kube = world.Kube with
        {
            Nodes = [.. world.Kube.Nodes.Where(n => n.InstanceId is not { } id || live.Contains(id) || !known.Contains(id))],
        };
        return world with { Aws = aws, Kube = kube, Unknowns = world.Unknowns.SetItems(unknowns) };
    }

    /// <summary>Maps every change, in plan order. Mapping one change reads only that change, so a large plan is mapped
    /// in parallel.</summary>
    public static IReadOnlyList<MappedChange> MapAll(Change change)
    {
        var changes = change.ResourceChanges;
        var result = new MappedChange[changes.Length];
        if (changes.Length < 4096)
        {
            for (var i = 0; i < changes.Length; i++) result[i] = ResourceMappers.Map(changes[i]);
            return result;
        }
        Parallel.For(0, changes.Length, i => result[i] = ResourceMappers.Map(changes[i]));
        return result;
    }
}
