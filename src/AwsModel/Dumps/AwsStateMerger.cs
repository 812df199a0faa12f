using System.Collections.Immutable;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary>Joins the fragments of a dump into one <see cref="AwsState"/>: records are deduplicated by their AWS
/// identity (the most detailed copy wins, the first file among equals), and a truncated page whose command has
/// no final page among the files is named in <see cref="AwsState.Missing"/>.</summary>
public static class AwsStateMerger
{
    public static AwsState Merge(IReadOnlyList<AwsStateFragment> fragments)
    {
        var roles = MergeRoles(fragments);
        var profiles = Dedupe(fragments.SelectMany(f => f.State.InstanceProfiles.Select(p => (p, 0))), p => p.Arn);
        OneArnPerName(roles, r => r.Name, r => r.Arn, r => r.Source, "role");
        OneArnPerName(profiles, p => p.Name, p => p.Arn, p => p.Source, "instance profile");
        // The caller identity names the dumped account; failing that, the account all listed roles belong to.
        var accountId = fragments.OrderBy(f => f.Command == "sts get-caller-identity" ? 0 : 1).Select(f => f.State.AccountId).FirstOrDefault(a => a is not null);
        var missing = new List<string>();
        missing.AddRange(fragments.SelectMany(f => f.State.Missing));
        missing.AddRange(MissingPages(fragments));
        missing.AddRange(ListedNotDescribed(fragments));
        return new AwsState
        {
            AccountId = accountId,
            Roles = roles,
            InstanceProfiles = profiles,
            Policies = Dedupe(fragments.SelectMany(f => f.State.Policies.Select(p => (p, p.Document is null ? 0 : 1))), p => p.Arn),
            OidcProviders = MergeOidcProviders(fragments, accountId, missing),
            Instances = Dedupe(fragments.SelectMany(f => f.State.Instances.Select(x => (x, 0))), x => x.InstanceId, fragments.Sum(f => f.State.Instances.Length)),
            Subnets = Dedupe(fragments.SelectMany(f => f.State.Subnets.Select(x => (x, 0))), x => x.SubnetId),
            Vpcs = Dedupe(fragments.SelectMany(f => f.State.Vpcs.Select(x => (x, 0))), x => x.VpcId),
            SecurityGroups = SecurityGroupMerge.Merge(Dedupe(fragments.SelectMany(f => f.State.SecurityGroups.Select(x => (x, 0))), x => x.GroupId),
                fragments.SelectMany(f => f.SecurityGroupRules)),
            NetworkInterfaces = Dedupe(fragments.SelectMany(f => f.State.NetworkInterfaces.Select(x => (x, 0))), x => x.NetworkInterfaceId),
            AccessEntries = AccessEntryMerge.Merge(fragments),
            AccessPolicyAssociations = Dedupe(fragments.SelectMany(f => f.State.AccessPolicyAssociations.Select(x => (x, 0))),
                x => $"{x.ClusterName}|{x.PrincipalArn}|{x.PolicyArn}"),
            NotRead = [.. fragments.SelectMany(f => f.State.NotRead)],
            LaunchTemplateVersions = Dedupe(fragments.SelectMany(f => f.State.LaunchTemplateVersions.Select(x => (x, 0))), x => $"{x.LaunchTemplateId}#{x.VersionNumber}"),
            AutoScalingGroups = Dedupe(fragments.SelectMany(f => f.State.AutoScalingGroups.Select(x => (x, 0))), x => x.Name),
            EksClusters = Dedupe(fragments.SelectMany(f => f.State.EksClusters.Select(x => (x, 0))), x => x.Arn ?? x.Name),
            PodIdentityAssociations = Dedupe(fragments.SelectMany(f => f.State.PodIdentityAssociations.Select(x => (x, f.AssociationDetail))), x => x.AssociationId),
            RouteTables = Dedupe(fragments.SelectMany(f => f.State.RouteTables.Select(x => (x, 0))), x => x.RouteTableId),
            Nodegroups = Dedupe(fragments.SelectMany(f => f.State.Nodegroups.Select(x => (x, 0))), x => $"{x.ClusterName}/{x.Name}"),
            FargateProfiles = Dedupe(fragments.SelectMany(f => f.State.FargateProfiles.Select(x => (x, 0))), x => $"{x.ClusterName}/{x.Name}"),
            Addons = Dedupe(fragments.SelectMany(f => f.State.Addons.Select(x => (x, 0))), x => $"{x.ClusterName}/{x.Name}"),
            AddonVersions = Dedupe(fragments.SelectMany(f => f.State.AddonVersions.Select(x => (x, 0))), x => $"{x.AddonName}@{x.Version}"),
            Loaded = [.. fragments.SelectMany(f => f.State.Loaded)],
            Missing = [.. missing],
        };
    }

    /// <summary>Role and instance profile names are unique in an account
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-names), and the
    /// analysis joins them by name (a profile's role, a node's role): one name under two ARNs is state from more than one
    /// account, or dumps that disagree, and cannot be joined.</summary>
    private static void OneArnPerName<T>(ImmutableArray<T> items, Func<T, string> name, Func<T, string> arn, Func<T, SourceRef> source, string noun)
    {
        var first = new Dictionary<string, T>(items.Length, StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (first.TryAdd(name(item), item)) continue;
            var other = first[name(item)];
            throw new InputException(new InputError(source(item).File,
                $"{noun} {name(item)} is {arn(item)} here and {arn(other)} in {source(other).File}: {noun} names are unique in an " +
                "account, so these outputs are from more than one account or disagree (give one account's state)"));
        }
    }

    /// <summary>Keeps one record per key: the highest rank, the first seen among equals.</summary>
    internal static ImmutableArray<T> Dedupe<T>(IEnumerable<(T Item, int Rank)> items, Func<T, string> key, int expected = 0)
    {
        var best = new Dictionary<string, (T Item, int Rank, int Order)>(expected, StringComparer.Ordinal);
        var order = 0;
        foreach (var (item, rank) in items)
        {
            var k = key(item);
            if (!best.TryGetValue(k, out var seen)) best[k] = (item, rank, order++);
            else if (rank > seen.Rank) best[k] = (item, rank, seen.Order);
        }
        return [.. best.Values.OrderBy(v => v.Order).Select(v => v.Item)];
    }

    /// <summary>The most detailed copy of each role, with the instance profiles every copy names (each once, in the order
    /// first named). Most roles are listed once: they are kept as read, without a copy.</summary>
    private static ImmutableArray<IamRole> MergeRoles(IReadOnlyList<AwsStateFragment> fragments)
    {
        var all = fragments.SelectMany(f => f.State.Roles.Select(r => (r, f.RoleDetail)).Concat(f.EmbeddedRoles.Select(r => (r, 0)))).ToList();
        var firstProfiles = new Dictionary<string, ImmutableArray<string>>(all.Count, StringComparer.Ordinal);
        Dictionary<string, List<string>>? repeated = null;
        foreach (var (role, _) in all)
        {
            if (firstProfiles.TryAdd(role.Arn, role.InstanceProfileArns)) continue;
            repeated ??= new(StringComparer.Ordinal);
            if (!repeated.TryGetValue(role.Arn, out var union)) repeated[role.Arn] = union = [.. firstProfiles[role.Arn].Distinct(StringComparer.Ordinal)];
            foreach (var arn in role.InstanceProfileArns)
                if (!union.Contains(arn, StringComparer.Ordinal)) union.Add(arn);
        }
        return [.. Dedupe(all, r => r.Arn, all.Count).Select(r => WithProfiles(r, repeated is not null && repeated.TryGetValue(r.Arn, out var union) ? [.. union] : firstProfiles[r.Arn]))];
    }

    private static IamRole WithProfiles(IamRole role, ImmutableArray<string> profiles)
    {
        // A role has a profile or two: pairs are compared, no set is built.
        for (var i = 1; i < profiles.Length; i++)
            for (var j = 0; j < i; j++)
                if (profiles[i] == profiles[j])
                {
                    profiles = [.. profiles.Distinct(StringComparer.Ordinal)];
                    i = profiles.Length;
                    break;
                }
        return profiles == role.InstanceProfileArns || profiles.SequenceEqual(role.InstanceProfileArns) ? role : role with { InstanceProfileArns = profiles };
    }

    /// <summary>Listed providers (ARN) joined by URL with get-open-id-connect-provider details (no ARN in that output).</summary>
    private static ImmutableArray<OidcProvider> MergeOidcProviders(IReadOnlyList<AwsStateFragment> fragments, string? accountId, List<string> missing)
    {
        var listed = Dedupe(fragments.SelectMany(f => f.State.OidcProviders.Select(p => (p, 0))), p => p.Arn).ToList();
        foreach (var detail in fragments.SelectMany(f => f.OidcProviderDetails))
        {
            var i = listed.FindIndex(p => string.Equals(p.Url, detail.Url, StringComparison.OrdinalIgnoreCase));
            if (i >= 0)
            {
                listed[i] = listed[i] with { ClientIds = detail.ClientIds, Thumbprints = detail.Thumbprints };
                continue;
            }
            if (accountId is null)
                missing.Add($"iam get-open-id-connect-provider: {detail.Source.File} does not name its provider's ARN and no iam list-open-id-connect-providers or sts get-caller-identity output gives the account; the ARN is assumed to be arn:aws:iam:::oidc-provider/{detail.Url}");
            listed.Add(detail with { Arn = $"arn:aws:iam::{accountId}:oidc-provider/{detail.Url}" });
        }
        return [.. listed];
    }

    /// <summary>A node group, Fargate profile or add-on a list command printed but whose describe output is not in the dump.</summary>
    private static IEnumerable<string> ListedNotDescribed(IReadOnlyList<AwsStateFragment> fragments)
    {
        var described = new HashSet<(AwsStateKind, string)>();
        foreach (var f in fragments)
        {
            foreach (var g in f.State.Nodegroups) described.Add((AwsStateKind.Nodegroups, g.Name));
            foreach (var p in f.State.FargateProfiles) described.Add((AwsStateKind.FargateProfiles, p.Name));
            foreach (var a in f.State.Addons) described.Add((AwsStateKind.Addons, a.Name));
        }
        return fragments.SelectMany(f => f.Listed)
            .Where(l => !described.Contains((l.Kind, l.Name)))
            .Select(l => $"{l.DescribeCommand}: {l.File} lists {l.Name}, but no {l.DescribeCommand} output for it was given")
            .Distinct(StringComparer.Ordinal);
    }

    private static IEnumerable<string> MissingPages(IReadOnlyList<AwsStateFragment> fragments)
    {
        var finished = fragments.Where(f => f.TruncatedBy is null).Select(f => f.Command).ToHashSet(StringComparer.Ordinal);
        return fragments
            .Where(f => f.TruncatedBy is not null && !finished.Contains(f.Command))
            .Select(f => $"{f.Command}: page in {f.File} has {f.TruncatedBy} but no further page was given");
    }
}
