using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Cluster;
using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Mapping.Kubernetes;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules;
using Kalc.Iac.Analyzers.Rules.Permissions;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.KubeModel.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.ClusterAccess;

/// <summary>Which roles running nodes and Fargate profiles authenticate with, and whether the cluster still admits them as
/// nodes after the change. EKS admits a node role through aws-auth (mapRoles with groups system:bootstrappers and
/// system:nodes) when the authentication mode is CONFIG_MAP or API_AND_CONFIG_MAP, and through an access entry of type
/// EC2_LINUX / EC2_WINDOWS / FARGATE_LINUX when it is API or API_AND_CONFIG_MAP
/// (https://docs.aws.amazon.com/eks/latest/userguide/grant-k8s-access.html). aws-iam-authenticator matches the role
/// without its path (https://docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html). A change of the cluster's
/// authentication mode changes which of the two counts; EKS moves only CONFIG_MAP -> API_AND_CONFIG_MAP -> API
/// (https://docs.aws.amazon.com/eks/latest/userguide/setting-up-access-entries.html). Shared by the KIAC4xx rules.</summary>
public sealed class NodeAccessAnalysis : ISharedAnalysis<NodeAccessAnalysis>
{
    private static readonly string[] NodeGroups = ["system:bootstrappers", "system:nodes"];

    private NodeAccessAnalysis(ImmutableArray<NodeAccessLoss> losses, ImmutableArray<AdminAccessLoss> adminLosses, AwsAuthAfter? awsAuth, ImmutableArray<string> unknown, bool touches, ModeChange? mode = null)
    {
        Mode = mode;
        Losses = losses;
        AdminLosses = adminLosses;
        AwsAuth = awsAuth;
        Unknown = unknown;
        TouchesAccess = touches;
    }

    public ImmutableArray<NodeAccessLoss> Losses { get; }

    public ImmutableArray<AdminAccessLoss> AdminLosses { get; }

    /// <summary>aws-auth after the change, when the change edits it.</summary>
    public AwsAuthAfter? AwsAuth { get; }

    public ImmutableArray<string> Unknown { get; }

    public bool TouchesAccess { get; }

    /// <summary>The cluster's authentication mode change, when the change makes one (or one it cannot tell).</summary>
    public ModeChange? Mode { get; }

    public static NodeAccessAnalysis Compute(AnalysisContext context) => Run(
        context.Topology, context.MappedOf<ConfigMapChange>(), context.MappedOf<AccessEntryChange>(), context.MappedOf<EksClusterChange>());

    /// <summary>The analysis of the plan's changes of ConfigMaps, access entries and EKS clusters (each kind listed once
    /// per run by <c>AnalysisContext.MappedOf</c>).</summary>
    public static NodeAccessAnalysis Run(ClusterTopology topology, IReadOnlyList<ConfigMapChange> configMapChanges,
        IReadOnlyList<AccessEntryChange> accessEntryChanges, IReadOnlyList<EksClusterChange> clusterChanges)
    {
        var configMaps = configMapChanges.Where(c => c.Status == MappingStatus.Analysed && c.IsAwsAuth).ToList();
        var entries = accessEntryChanges.Where(c => c.Status == MappingStatus.Analysed && c.Change.Kind is ChangeKind.Delete or ChangeKind.Replace).ToList();
        var world = topology.World;
        var cluster = world.Aws.EksClusters.FirstOrDefault();
        var modeChange = ModeChange.Of(cluster, clusterChanges);
        if (configMaps.Count == 0 && entries.Count == 0 && modeChange is null) return new([], [], null, [], false);

        var mode = modeChange?.Before ?? cluster?.AuthenticationMode ?? "CONFIG_MAP";
        var modeAfter = modeChange is { After: { } known } ? known : mode;
        var awsAuth = AwsAuthAfter.Project(world.Kube, configMaps);
        var beforeRoles = world.Kube.Loaded.Contains(KubeStateKind.ConfigMaps) || configMaps.Count == 0
            ? world.Kube.AwsAuthRoleMappings
            : AwsAuthAfter.Project(KubeState.Empty, configMaps.Select(c => c with { After = c.Before }))?.Roles ?? [];
        var afterRoles = awsAuth?.Roles ?? beforeRoles;
        var removedEntries = entries.Select(e => e.Before?.PrincipalArn.Value).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = new List<string>();
        if (awsAuth?.Unknown is { } why) unknown.Add($"aws-auth after the change cannot be known: {why}");
        var modeCauses = modeChange is { After: not null } ? [modeChange.Change.Change] : Array.Empty<ResourceChange>();

        var losses = ImmutableArray.CreateBuilder<NodeAccessLoss>();
        foreach (var use in NodeRoleUses(topology))
        {
            var before = Admits(use.RoleArn, beforeRoles, world.Aws.AccessEntries, mode, null);
            if (before is null) continue;
            var after = Admits(use.RoleArn, afterRoles, world.Aws.AccessEntries, modeAfter, removedEntries);
            if (after is not null) continue;
            if (awsAuth?.Unknown is not null) continue;
            var causes = new List<ResourceChange>();
            // The mode change is the cause when the mapping that admitted the role is unchanged but stops counting.
            if (modeCauses.Length > 0 && Admits(use.RoleArn, afterRoles, world.Aws.AccessEntries, mode, removedEntries) is not null) causes.AddRange(modeCauses);
            else if (awsAuth is not null && before.StartsWith("aws-auth", StringComparison.Ordinal)) causes.AddRange(awsAuth.Changes);
            causes.AddRange(entries.Where(e => Same(e.Before?.PrincipalArn.Value, use.RoleArn)).Select(e => e.Change));
            if (causes.Count == 0) causes.AddRange(awsAuth?.Changes ?? [.. entries.Select(e => e.Change), .. modeCauses]);
            losses.Add(new NodeAccessLoss
            {
                RoleArn = use.RoleArn,
                UsedBy = use.UsedBy,
                Instances = use.Instances,
                Nodes = use.Nodes,
                FargateProfiles = use.FargateProfiles,
                Before = before,
                After = WhyNot(use.RoleArn, afterRoles, awsAuth, modeAfter, removedEntries) + (modeAfter != mode ? $" (was {mode})" : ""),
                CausedBy = [.. causes],
                Evidence = use.Evidence,
            });
        }
        var admins = ImmutableArray.CreateBuilder<AdminAccessLoss>();
        if (awsAuth is { Unknown: null })
        {
            var nodeRoles = NodeRoleUses(topology).Select(u => Canonical(u.RoleArn)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var m in beforeRoles.Concat(world.Kube.AwsAuthUserMappings))
            {
                if (!m.Groups.Contains("system:masters") || nodeRoles.Contains(Canonical(m.RoleArn))) continue;
                if (awsAuth.Roles.Concat(awsAuth.Users).Any(a => Same(a.RoleArn, m.RoleArn) && a.Groups.Contains("system:masters"))) continue;
                admins.Add(new AdminAccessLoss(m, awsAuth.Changes));
            }
        }
        if (modeCauses.Length > 0 && mode != "API" && modeAfter == "API" && awsAuth?.Unknown is null)
        {
            // aws-auth stops counting: its system:masters principals keep access only through an access entry.
            var nodeRoles = NodeRoleUses(topology).Select(u => Canonical(u.RoleArn)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var m in afterRoles.Concat(awsAuth?.Users ?? world.Kube.AwsAuthUserMappings))
            {
                if (!m.Groups.Contains("system:masters") || nodeRoles.Contains(Canonical(m.RoleArn))) continue;
                if (admins.Any(a => Same(a.Mapping.RoleArn, m.RoleArn))) continue;
                if (world.Aws.AccessEntries.Any(e => Same(e.PrincipalArn, m.RoleArn) && !removedEntries.Contains(e.PrincipalArn))) continue;
                admins.Add(new AdminAccessLoss(m, [.. modeCauses]));
            }
        }
        if (modeChange is { After: null, WhyUnknown: { } modeWhy }) unknown.Add($"the cluster's authentication mode after the change cannot be known: {modeWhy}");
        return new NodeAccessAnalysis(losses.ToImmutable(), admins.ToImmutable(), awsAuth, [.. unknown], true, modeChange);
    }

    /// <summary>What admits <paramref name="roleArn"/> as a node, or null.</summary>
    private static string? Admits(string roleArn, IEnumerable<AwsAuthMapping> roles, ImmutableArray<AccessEntry> entries, string mode, IReadOnlySet<string>? removed)
    {
        if (mode is "CONFIG_MAP" or "API_AND_CONFIG_MAP")
        {
            var m = roles.FirstOrDefault(r => Same(r.RoleArn, roleArn) && NodeGroups.All(r.Groups.Contains));
            if (m is not null) return $"aws-auth {m.Source.Path} maps it to {string.Join(", ", m.Groups)}";
        }
        if (mode is "API" or "API_AND_CONFIG_MAP")
        {
            var e = entries.FirstOrDefault(x => x.IsNodeEntry && Same(x.PrincipalArn, roleArn) && removed?.Contains(x.PrincipalArn) != true);
            if (e is not null) return $"access entry {e.Type} for {e.PrincipalArn} ({e.Source})";
        }
        return null;
    }

    private static string WhyNot(string roleArn, ImmutableArray<AwsAuthMapping> after, AwsAuthAfter? awsAuth, string mode, IReadOnlySet<string> removed)
    {
        var reasons = new List<string>();
        if (mode == "API" && after.FirstOrDefault(r => Same(r.RoleArn, roleArn) && NodeGroups.All(r.Groups.Contains)) is { } ignored)
            reasons.Add($"aws-auth {ignored.Source.Path} still maps it, but authentication mode API does not read aws-auth");
        if (mode is "CONFIG_MAP" or "API_AND_CONFIG_MAP")
        {
            var m = after.FirstOrDefault(r => Same(r.RoleArn, roleArn));
            reasons.Add(m is null
                ? $"aws-auth no longer maps it{(awsAuth is { Problems.Length: > 0 } a ? $" ({a.Problems[0]})" : "")}"
                : $"aws-auth maps it to {(m.Groups.IsEmpty ? "no groups" : string.Join(", ", m.Groups))}, without {string.Join(" and ", NodeGroups.Where(g => !m.Groups.Contains(g)))}");
        }
        if (mode is "API" or "API_AND_CONFIG_MAP")
            reasons.Add(removed.Contains(roleArn) ? "its access entry is destroyed" : "no node access entry names it");
        reasons.Add($"authentication mode {mode}");
        return string.Join("; ", reasons);
    }

    /// <summary>aws-iam-authenticator compares the role ARN without its path (role/a/b/NAME is role/NAME), case-insensitively.</summary>
    public static string Canonical(string arn)
    {
        var i = arn.IndexOf(":role/", StringComparison.Ordinal);
        return i < 0 ? arn : arn[..(i + 6)] + arn[(arn.LastIndexOf('/') + 1)..];
    }

    private static bool Same(string? a, string? b) => a is not null && b is not null && string.Equals(Canonical(a), Canonical(b), StringComparison.OrdinalIgnoreCase);

    private sealed record RoleUse(string RoleArn, string UsedBy, ImmutableArray<string> Instances, ImmutableArray<string> Nodes, ImmutableArray<string> FargateProfiles, string Evidence);

    /// <summary>The roles of running nodes (node -> instance -> instance profile -> role) and of Fargate profiles' pods.</summary>
    private static IEnumerable<RoleUse> NodeRoleUses(ClusterTopology topology)
    {
        var byRole = new Dictionary<string, (List<NodeRole> Uses, string Profiles)>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in topology.Nodes)
        {
            if (NodeRole.Of(topology, node) is not { } nr || !nr.Instance.IsLive) continue;
            if (!byRole.TryGetValue(nr.Role.Arn, out var entry)) byRole[nr.Role.Arn] = entry = ([], nr.Profile.Name);
            entry.Uses.Add(nr);
        }
        foreach (var (arn, (uses, profile)) in byRole)
            yield return new RoleUse(arn, $"instance profile {profile} on {uses.Count} running instance{(uses.Count == 1 ? "" : "s")}",
                [.. uses.Select(u => u.Instance.InstanceId)], [.. uses.Select(u => u.Node.Name)], [], uses[0].How);
        foreach (var fp in topology.World.Aws.FargateProfiles)
            if (fp.PodExecutionRoleArn is { } arn)
                yield return new RoleUse(arn, $"Fargate profile {fp.Name}", [], [], [fp.Name], $"Fargate profile {fp.Name} runs pods with pod execution role {arn} ({fp.Source})");
    }
}

/// <summary>A human or CI principal that held system:masters through aws-auth and does not after the change.</summary>
public sealed record AdminAccessLoss(AwsAuthMapping Mapping, ImmutableArray<ResourceChange> CausedBy);
