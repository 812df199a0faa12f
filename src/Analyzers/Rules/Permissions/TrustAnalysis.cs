using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Cluster;
using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.AwsModel.Iam;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.Analyzers.Rules.Permissions;

/// <summary>Who can still get which role's credentials after the change: IRSA service accounts (trust policy, role, OIDC
/// provider), Pod Identity service accounts (association, pods.eks.amazonaws.com trust) and nodes (ec2.amazonaws.com trust).</summary>
public sealed class TrustAnalysis
{
    private readonly AnalysisContext context;
    private readonly RolePermissionIndex before;
    private readonly RolePermissionIndex after;
    private readonly List<TrustBreak> breaks = [];
    private readonly List<string> undecidable = [];

    public TrustAnalysis(AnalysisContext context, RolePermissionIndex before, RolePermissionIndex after)
    {
        this.context = context;
        this.before = before;
        this.after = after;
        CheckIrsa();
        CheckPodIdentity();
        CheckNodes();
        Breaks = [.. breaks];
        Undecidable = [.. undecidable.Distinct(StringComparer.Ordinal)];
    }

    public ImmutableArray<TrustBreak> Breaks { get; }

    /// <summary>Trust questions whose answer after the change cannot be known, for the report's missing list.</summary>
    public ImmutableArray<string> Undecidable { get; }

    /// <summary>The role's parsed trust policy; a trust policy that does not parse after the change cannot be judged.</summary>
    private NamedPolicy? TrustOf(RolePermissionIndex index, string roleArn)
    {
        if (index.TrustPolicyOf(roleArn) is not { } parsed) return null;
        if (parsed.IsOk) return parsed.Value;
        if (ReferenceEquals(index, after)) undecidable.Add($"role {roleArn}: its trust policy after the change does not parse ({parsed.Error})");
        return null;
    }

    private ImmutableArray<ClusterWorkload> WorkloadsOf(string ns, string sa) =>
        [.. context.Topology.Workloads.Where(w => w.Workload.Namespace == ns && w.Workload.ServiceAccountName == sa)];

    private void CheckIrsa()
    {
        var workloadsLoaded = context.Before.Kube.Loaded.Contains(KubeModel.Model.KubeStateKind.Workloads);
        foreach (var sa in context.Before.Kube.ServiceAccounts)
        {
            if (sa.IrsaRoleArn is not { } roleArn || before.Role(roleArn) is not { } role || TrustOf(before, roleArn) is not { } trustBefore) continue;
            var workloads = WorkloadsOf(sa.Namespace, sa.Name);
            if (workloadsLoaded && workloads.IsEmpty) continue; // nobody runs as it
            if (ProviderFor(role, trustBefore) is not { } provider) continue;
            var request = new WebIdentityRequest { ProviderArn = provider.Arn, Namespace = sa.Namespace, ServiceAccount = sa.Name };
            var b = TrustPolicyEvaluator.CanAssumeWithWebIdentity(trustBefore, request);
            if (!b.IsAllowed) continue;
            var facts = ImmutableArray.Create(
                $"service account {sa.Key} has annotation {ServiceAccount.IrsaRoleAnnotation}={roleArn}",
                $"its token is sub={request.Subject}, aud={request.Audience}, from OIDC provider {provider.Arn} ({provider.From})");
            var template = new TrustBreak { Kind = TrustBreakKind.IrsaTrust, RoleArn = roleArn, ServiceAccount = sa.Key, Workloads = workloads, Before = b, Facts = facts };

            if (after.Role(roleArn) is null)
            {
                var deleted = context.MappedOf<IamRoleChange>().FirstOrDefault(c => c.Before?.Name.Value == role.Name && c.Change.RemovesObject);
                if (deleted is not null) breaks.Add(template with { Kind = TrustBreakKind.IrsaRoleDeleted, Cause = deleted });
                continue;
            }
            var providerCause = ProviderRemoved(provider.Arn, out var audienceDropped);
            if (providerCause is not null)
            {
                breaks.Add(template with { Kind = audienceDropped ? TrustBreakKind.OidcAudienceDropped : TrustBreakKind.OidcProviderRemoved, Cause = providerCause });
                continue;
            }
            if (IamChangeScope.TrustUnknown(context.After, role.Name) is { } why)
            {
                undecidable.Add($"IRSA service account {sa.Key} (role {role.Name}): whether the new trust policy still admits it cannot be known: {why}");
                continue;
            }
            if (TrustOf(after, roleArn) is not { } trustAfter) continue;
            var a = TrustPolicyEvaluator.CanAssumeWithWebIdentity(trustAfter, request);
            if (a.Decision == Decision.Unknown)
                undecidable.Add($"IRSA service account {sa.Key} (role {role.Name}): {a.Reason}");
            else if (!a.IsAllowed)
                breaks.Add(template with { After = a, Cause = RoleChange(role.Name) });
        }
    }

    private sealed record ProviderChoice(string Arn, string From);

    /// <summary>The cluster's OIDC provider: from the EKS cluster's issuer when described, else the federated principal of the trust policy.</summary>
    private ProviderChoice? ProviderFor(IamRole role, NamedPolicy trust)
    {
        var account = role.Arn.Split(':') is { Length: > 4 } parts ? parts[4] : context.Before.Aws.AccountId;
        var federated = trust.Document.Statements.SelectMany(s => s.Principal?.Of("Federated") ?? [])
            .Where(f => f.Contains(":oidc-provider/", StringComparison.Ordinal)).ToList();
        var issuers = context.Before.Aws.EksClusters.Where(c => c.OidcIssuer is not null)
            .Select(c => (c.Name, Arn: $"arn:aws:iam::{account}:oidc-provider/{c.OidcIssuer!.Replace("https://", "", StringComparison.Ordinal)}")).ToList();
        var match = issuers.FirstOrDefault(i => federated.Contains(i.Arn));
        if (match.Arn is not null) return new ProviderChoice(match.Arn, $"the issuer of EKS cluster {match.Name}");
        if (issuers.Count == 1) return new ProviderChoice(issuers[0].Arn, $"the issuer of EKS cluster {issuers[0].Name}");
        return federated.Count > 0 ? new ProviderChoice(federated[0], $"the federated principal of role {role.Name}'s trust policy before the change") : null;
    }

    /// <summary>The change that removes the provider (destroyed, or replaced under another URL), or drops sts.amazonaws.com from its client ids.</summary>
    private MappedChange? ProviderRemoved(string providerArn, out bool audienceDropped)
    {
        audienceDropped = false;
        var change = context.MappedOf<OidcProviderChange>().FirstOrDefault(c => c.Before?.Arn.Value == providerArn);
        if (change is null) return null;
        var now = context.After.Aws.OidcProviders.FirstOrDefault(p => p.Arn == providerArn);
        if (now is null) return change;
        if (!now.ClientIds.IsEmpty && !now.ClientIds.Contains(WebIdentityRequest.DefaultAudience)) { audienceDropped = true; return change; }
        return null;
    }

    private IamRoleChange? RoleChange(string roleName) =>
        context.MappedOf<IamRoleChange>().FirstOrDefault(c => c.Before?.Name.Value == roleName || c.After?.Name.Value == roleName);

    private void CheckPodIdentity()
    {
        foreach (var assoc in context.Before.Aws.PodIdentityAssociations)
        {
            var workloads = WorkloadsOf(assoc.Namespace, assoc.ServiceAccount);
            if (context.Before.Kube.Loaded.Contains(KubeModel.Model.KubeStateKind.Workloads) && workloads.IsEmpty) continue;
            var key = $"{assoc.Namespace}/{assoc.ServiceAccount}";
            var facts = ImmutableArray.Create($"EKS Pod Identity association {assoc.AssociationId} in cluster {assoc.ClusterName} maps {key} to {assoc.RoleArn ?? "a role"}");
            var template = new TrustBreak { Kind = TrustBreakKind.PodIdentityAssociationRemoved, RoleArn = assoc.RoleArn ?? "", ServiceAccount = key, Workloads = workloads, Facts = facts };
            var now = context.After.Aws.PodIdentityAssociations.FirstOrDefault(a => a.ClusterName == assoc.ClusterName && a.Namespace == assoc.Namespace && a.ServiceAccount == assoc.ServiceAccount);
            var change = context.MappedOf<PodIdentityAssociationChange>().FirstOrDefault(c => c.Before?.AssociationId.Value == assoc.AssociationId);
            if (now is null)
            {
                if (change is not null) breaks.Add(template with { Cause = change });
                continue;
            }
            if (now.RoleArn is not { } roleArn) continue;
            var request = new PodIdentityRequest { ClusterArn = ClusterArn(assoc.ClusterName), ClusterName = assoc.ClusterName, Namespace = assoc.Namespace, ServiceAccount = assoc.ServiceAccount };
            var b = assoc.RoleArn is { } oldArn && TrustOf(before, oldArn) is { } tb ? TrustPolicyEvaluator.CanPodIdentityAssume(tb, request) : null;
            if (b is { IsAllowed: false }) continue; // it did not work before either
            var roleName = roleArn[(roleArn.LastIndexOf('/') + 1)..];
            if (IamChangeScope.TrustUnknown(context.After, roleName) is { } why) { undecidable.Add($"Pod Identity service account {key} (role {roleName}): {why}"); continue; }
            if (TrustOf(after, roleArn) is not { } trustAfter)
            {
                if (roleArn != assoc.RoleArn || change is not null || RoleChange(roleName) is not null)
                    undecidable.Add($"Pod Identity service account {key}: role {roleArn} or its trust policy is not in the AWS state after the change");
                continue;
            }
            var a = TrustPolicyEvaluator.CanPodIdentityAssume(trustAfter, request);
            if (a.Decision == Decision.Unknown && b is { IsAllowed: true }) undecidable.Add($"Pod Identity service account {key} (role {roleName}): {a.Reason}");
            else if (a.Decision is Decision.ExplicitDeny or Decision.ImplicitDeny)
                breaks.Add(template with { Kind = TrustBreakKind.PodIdentityTrust, RoleArn = roleArn, Before = b, After = a, Cause = (MappedChange?)change ?? RoleChange(roleName) });
        }
    }

    /// <summary>The cluster's ARN from the state, or made from the region and account the state gives; null (an unknown tag
    /// value for the evaluator) when either is not known - never a placeholder.</summary>
    private string? ClusterArn(string name) =>
        context.Before.Aws.EksClusters.FirstOrDefault(c => c.Name == name)?.Arn
        ?? (context.Before.Aws.Region is { } region && AwsAccount.Of(context.Before.Aws) is { } account ? $"arn:aws:eks:{region}:{account}:cluster/{name}" : null);

    private void CheckNodes()
    {
        var byRole = context.Topology.Nodes.Select(n => NodeRole.Of(context.Topology, n)).OfType<NodeRole>().GroupBy(n => n.Role.Arn);
        foreach (var group in byRole)
        {
            var role = group.First().Role;
            if (after.Role(role.Arn) is null || TrustOf(before, role.Arn) is not { } trustBefore) continue; // destroyed: KIAC102
            var b = TrustPolicyEvaluator.CanEc2Assume(trustBefore);
            if (!b.IsAllowed) continue;
            if (IamChangeScope.TrustUnknown(context.After, role.Name) is { } why) { undecidable.Add($"node role {role.Name}: {why}"); continue; }
            if (TrustOf(after, role.Arn) is not { } trustAfter) continue;
            var a = TrustPolicyEvaluator.CanEc2Assume(trustAfter);
            if (a.Decision == Decision.Unknown) { undecidable.Add($"node role {role.Name}: {a.Reason}"); continue; }
            if (a.IsAllowed) continue;
            var list = group.ToList();
            var nodeNames = list.Select(n => n.Node.Name).ToHashSet(StringComparer.Ordinal);
            breaks.Add(new TrustBreak
            {
                Kind = TrustBreakKind.NodeTrust,
                RoleArn = role.Arn,
                Workloads = [.. context.Topology.Workloads.Where(w => w.Identity.Source == IdentitySource.Node && w.Component is not null && w.Placement.Nodes.Any(nodeNames.Contains))],
                Nodes = [.. nodeNames.Order(StringComparer.Ordinal)],
                Instances = [.. list.Select(n => n.Instance.InstanceId).Order(StringComparer.Ordinal)],
                Before = b,
                After = a,
                Cause = RoleChange(role.Name),
                Facts = [list[0].How + (list.Count > 1 ? $" (and {list.Count - 1} more nodes)" : "")],
            });
        }
    }
}
