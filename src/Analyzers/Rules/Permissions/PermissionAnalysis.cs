using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Cluster;
using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Projection;
using Kalc.Iac.AwsModel.Iam;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>Evaluates every catalog requirement of every component present in the cluster against its role before and after
/// the change, once per analysis; the permission rules read the results. Roles whose policies the change does not touch are
/// not evaluated at all.</summary>
public sealed class PermissionAnalysis : ISharedAnalysis<PermissionAnalysis>
{
    public static PermissionAnalysis Compute(AnalysisContext context) => new(context);

    private readonly AnalysisContext context;
    private readonly PolicyDocumentCache documents = new();
    private readonly Lazy<ImmutableArray<ComponentPrincipal>> principals;
    private readonly Lazy<(ImmutableArray<PermissionLoss> Losses, ImmutableArray<string> Undecidable)> losses;
    private readonly Lazy<TrustAnalysis> trust;
    /// <summary>Rules run in parallel and share this analysis: the memo is concurrent.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<MappedChange, Lazy<RolePermissionIndex>> alone = new(ReferenceEqualityComparer.Instance);

    public PermissionAnalysis(AnalysisContext context)
    {
        this.context = context;
        Before = new RolePermissionIndex(context.Before.Aws.Roles, context.Before.Aws.Policies, documents: documents);
        After = new RolePermissionIndex(context.After.Aws.Roles, context.After.Aws.Policies, documents: documents);
        principals = new(() => PrincipalResolver.Resolve(context.Topology, context.Requirements));
        losses = new(FindLosses);
        trust = new(() => new TrustAnalysis(context, Before, After));
    }

    public RolePermissionIndex Before { get; }

    public RolePermissionIndex After { get; }

    /// <summary>Catalog components present in the cluster, each with the role it runs as.</summary>
    public ImmutableArray<ComponentPrincipal> Principals => principals.Value;

    public ImmutableArray<PermissionLoss> Losses => losses.Value.Losses;

    /// <summary>"component (role): whether ACTIONS stay allowed cannot be known: WHY" - for the report's missing list.</summary>
    public ImmutableArray<string> Undecidable => losses.Value.Undecidable;

    public TrustAnalysis Trust => trust.Value;

    private (ImmutableArray<PermissionLoss>, ImmutableArray<string>) FindLosses()
    {
        var found = ImmutableArray.CreateBuilder<PermissionLoss>();
        var undecidable = ImmutableArray.CreateBuilder<string>();
        var afterRoles = context.After.Aws.Roles.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var beforePolicies = context.Before.Aws.Policies.ToDictionary(p => p.Arn, StringComparer.Ordinal);
        var afterPolicies = context.After.Aws.Policies.ToDictionary(p => p.Arn, StringComparer.Ordinal);
        var switches = NodeRoleSwitches.For(context);
        foreach (var principal in Principals)
        {
            var p = principal;
            if (p.Source == IdentitySource.Node && switches?.Of(p) is { Count: > 0 } switched)
            {
                found.AddRange(Switched(p, switched, undecidable));
                var moved = switched.Select(s => s.Node).ToHashSet(StringComparer.Ordinal);
                var movedInstances = switched.Select(s => s.Instance).ToHashSet(StringComparer.Ordinal);
                p = p with { Nodes = p.Nodes.RemoveAll(moved.Contains), Instances = p.Instances.RemoveAll(movedInstances.Contains) };
                p = p with { Dependents = OnBehalfDependents.Of(p.Component, p.Nodes, context.Topology) };
                if (p.Nodes.IsEmpty) continue;
            }
            if (!afterRoles.TryGetValue(p.Role.Name, out var roleAfter))
            {
                if (p.Source != IdentitySource.Node) found.AddRange(RoleDeleted(p)); // node roles: KIAC102
                continue;
            }
            var unknowns = IamChangeScope.PermissionUnknowns(context.After, p.Role).ToList();
            if (unknowns.Count == 0 && Unchanged(p.Role, roleAfter, beforePolicies, afterPolicies)) continue;
            var lost = new List<ActionLoss>();
            var undecided = new List<string>();
            foreach (var req in p.Requirements.Requirements)
            {
                var before = RequirementRequest.Evaluate(Before, p.Role.Arn, req);
                if (before.Decision is Decision.ExplicitDeny or Decision.ImplicitDeny) continue;
                var after = RequirementRequest.Evaluate(After, roleAfter.Arn, req);
                if (ActionLoss.IsLost(before, after)) lost.Add(new ActionLoss(req, before, after));
                else if (ActionLoss.IsUndecidable(before, after) || (before.IsAllowed && unknowns.Count > 0)) undecided.Add(req.Action);
            }
            if (undecided.Count > 0)
            {
                var why = unknowns.Count > 0 ? string.Join("; ", unknowns) : "a policy that decides it is not in the AWS state or depends on a condition";
                var actions = undecided.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                undecidable.Add($"{p.Component} (role {p.Role.Name}): whether {Short(actions)} stay allowed after the change cannot be known: {why}");
            }
            if (lost.Count > 0) found.AddRange(Attribute(p, lost));
        }
        return (found.ToImmutable(), undecidable.ToImmutable());
    }

    /// <summary>Nodes that get another role's credentials: that role is judged against the component's requirements as a
    /// detach would be; a new role that cannot be told is undecidable.</summary>
    private IEnumerable<PermissionLoss> Switched(ComponentPrincipal p, IReadOnlyList<NodeRoleSwitch> switched, ImmutableArray<string>.Builder undecidable)
    {
        foreach (var group in switched.GroupBy(s => (s.RoleAfter, s.ProfileAfter, s.Unknown)))
        {
            var nodes = group.Select(s => s.Node).Order(StringComparer.Ordinal).ToImmutableArray();
            var instances = group.Select(s => s.Instance).Order(StringComparer.Ordinal).ToImmutableArray();
            if (group.Key.RoleAfter is not { } roleName)
            {
                undecidable.Add($"{p.Component} (role {p.Role.Name}) on {nodes.Length} node{(nodes.Length == 1 ? "" : "s")}: the role the nodes get after the change cannot be known: {group.Key.Unknown}");
                continue;
            }
            var role = context.After.Aws.Roles.First(r => r.Name == roleName);
            var unknowns = IamChangeScope.PermissionUnknowns(context.After, role).ToList();
            var lost = new List<ActionLoss>();
            var undecided = new List<string>();
            foreach (var req in p.Requirements.Requirements)
            {
                var before = RequirementRequest.Evaluate(Before, p.Role.Arn, req);
                if (before.Decision is Decision.ExplicitDeny or Decision.ImplicitDeny) continue;
                var after = RequirementRequest.Evaluate(After, role.Arn, req);
                if (ActionLoss.IsLost(before, after)) lost.Add(new ActionLoss(req, before, after));
                else if (ActionLoss.IsUndecidable(before, after) || (before.IsAllowed && unknowns.Count > 0)) undecided.Add(req.Action);
            }
            if (undecided.Count > 0)
            {
                var why = unknowns.Count > 0 ? string.Join("; ", unknowns) : "a policy that decides it is not in the AWS state or depends on a condition";
                undecidable.Add($"{p.Component} (role {roleName}, which instance profile {group.Key.ProfileAfter} gives the nodes after the change): whether {Short([.. undecided.Distinct(StringComparer.OrdinalIgnoreCase)])} stay allowed cannot be known: {why}");
            }
            if (lost.Count == 0) continue;
            var how = $"after the change, instance profile {group.Key.ProfileAfter} of {PermissionFindings.Join(instances)} holds role {roleName} instead of {p.Role.Name}";
            yield return new PermissionLoss
            {
                Principal = p with { Nodes = nodes, Instances = instances, HowResolved = $"{p.HowResolved}; {how}", Dependents = OnBehalfDependents.Of(p.Component, nodes, context.Topology) },
                Cause = group.First(s => s.Cause is not null).Cause,
                Lost = [.. lost],
                SwitchedTo = role,
            };
        }
    }

    private IEnumerable<PermissionLoss> RoleDeleted(ComponentPrincipal p)
    {
        var cause = context.MappedOf<IamRoleChange>().FirstOrDefault(c => c.Before?.Name.Value == p.Role.Name && c.Change.RemovesObject);
        if (cause is null) yield break;
        var gone = new EvaluationResult { Decision = Decision.ImplicitDeny, Reason = $"role {p.Role.Name} is destroyed" };
        var lost = p.Requirements.Requirements
            .Select(r => new ActionLoss(r, RequirementRequest.Evaluate(Before, p.Role.Arn, r), gone))
            .Where(l => ActionLoss.IsLost(l.Before, l.After)).ToImmutableArray();
        if (!lost.IsEmpty) yield return new PermissionLoss { Principal = p, Cause = cause, Lost = lost, RoleDeleted = true };
    }

    /// <summary>Names the change behind each lost action by applying each change that touches the role on its own.</summary>
    private IEnumerable<PermissionLoss> Attribute(ComponentPrincipal p, List<ActionLoss> lost)
    {
        var candidates = context.Mapped.Where(m => IamChangeScope.Touches(m, p.Role)).ToList();
        var remaining = new List<ActionLoss>(lost);
        foreach (var c in candidates)
        {
            var index = Alone(c);
            var byThis = lost.Where(l => RequirementRequest.Evaluate(index, p.Role.Arn, l.Requirement).Decision is Decision.ExplicitDeny or Decision.ImplicitDeny).ToImmutableArray();
            if (byThis.IsEmpty) continue;
            remaining.RemoveAll(byThis.Contains);
            yield return new PermissionLoss { Principal = p, Cause = c, Lost = byThis };
        }
        if (remaining.Count > 0)
            yield return new PermissionLoss { Principal = p, Cause = candidates.FirstOrDefault(), Together = [.. candidates.Skip(1)], Lost = [.. remaining] };
    }

    private RolePermissionIndex Alone(MappedChange change) =>
        alone.GetOrAdd(change, c => new Lazy<RolePermissionIndex>(() =>
        {
            var world = context.Before.Apply([c]);
            return new RolePermissionIndex(world.Aws.Roles, world.Aws.Policies, documents: documents);
        })).Value;

    private static bool Unchanged(IamRole before, IamRole after, Dictionary<string, ManagedPolicy> beforePolicies, Dictionary<string, ManagedPolicy> afterPolicies)
    {
        if (!ReferenceEquals(before, after)) return false;
        foreach (var arn in before.AttachedManagedPolicyArns.Append(before.PermissionsBoundaryArn ?? ""))
        {
            if (arn.Length == 0) continue;
            if (!ReferenceEquals(beforePolicies.GetValueOrDefault(arn), afterPolicies.GetValueOrDefault(arn))) return false;
        }
        return true;
    }

    internal static string Short(IReadOnlyList<string> actions) =>
        actions.Count <= 6 ? string.Join(", ", actions) : $"{string.Join(", ", actions.Take(6))} and {actions.Count - 6} more";
}
