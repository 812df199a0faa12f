using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Kalc.Iac.Analyzers.Cluster;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.AwsModel.Iam;
using Kalc.Iac.AwsModel.Model;

namespace Kalc.Iac.Analyzers.Judging;

/// <summary>What the cluster depends on, from the state before the change: its nodes' instances, their security groups,
/// subnets, VPCs, launch templates and Auto Scaling groups, their instance profiles and roles, the roles of service
/// accounts (IRSA, Pod Identity), the EKS cluster and its role, the policies of all those roles and the resources those
/// policies name, the OIDC providers they trust. Answers, per identity, whether the cluster uses it - or which state would
/// tell, when that state was not given.</summary>
public sealed partial class ClusterFootprint
{
    private readonly World world;
    private readonly bool nodesUnknown;
    /// <summary>The answer for an identity of each kind that the cluster does not use as far as the state tells (not used,
    /// or undecidable without the state named), worked out once per kind: judging asks for every change, in parallel.</summary>
    private readonly Membership?[] unusedByKind = new Membership?[Enum.GetValues<IdentityKind>().Length];
    /// <summary>The answer for a value known only after apply, one per attribute.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Membership> unknownByAttribute = new(StringComparer.Ordinal);
    private static readonly Membership KmsKeysNotRead =
        Membership.Undecidable([], "which KMS keys the nodes' volumes and the cluster's secrets encryption use is not read");
    private readonly Dictionary<IdentityKind, Dictionary<string, string>> used = [];
    /// <summary>Specific Resource patterns of the cluster's policies: exact ARNs, and wildcard patterns with the literal
    /// text before their first wildcard (checked before the pattern is matched: a large plan asks for every ARN).</summary>
    private readonly Dictionary<string, string> policyArns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Prefix, WildcardPattern Match, string Role)> policyPatterns = new(StringComparer.Ordinal);

    public ClusterFootprint(World world, ClusterTopology topology)
    {
        this.world = world;
        // Without Node objects the nodes come from EC2 tags; when no instance is tagged, which instances are nodes is not known.
        nodesUnknown = topology.NodesInferred && topology.Nodes.IsEmpty;
        foreach (var kind in Enum.GetValues<IdentityKind>()) used[kind] = new(StringComparer.Ordinal);
        var aws = world.Aws;
        var nodeInstances = NodeInstances(topology);
        var count = new Dictionary<(IdentityKind, string), int>();
        var profileNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (instance, node) in nodeInstances)
        {
            Use(IdentityKind.Instance, instance.InstanceId, $"instance {instance.InstanceId} (node {node})");
            foreach (var sg in instance.SecurityGroupIds) Count(count, IdentityKind.SecurityGroup, sg);
            if (instance.SubnetId is { } subnet) Count(count, IdentityKind.Subnet, subnet);
            if (instance.VpcId is { } vpc) Count(count, IdentityKind.Vpc, vpc);
            if (instance.LaunchTemplateId is { } lt) Count(count, IdentityKind.LaunchTemplate, lt);
            if (instance.Tags.TryGetValue("aws:autoscaling:groupName", out var asg)) Count(count, IdentityKind.AutoScalingGroup, asg);
            if (instance.InstanceProfileArn is { } profileArn)
            {
                // Thousands of instances share a few profiles: each profile's name is cut from its ARN once.
                if (!profileNames.TryGetValue(profileArn, out var profileName)) profileNames[profileArn] = profileName = NameOf(profileArn);
                Count(count, IdentityKind.InstanceProfile, profileName);
            }
        }
        foreach (var ((kind, value), n) in count)
            Use(kind, value, $"{Noun(kind)} {value} of {n} node{(n == 1 ? "" : "s")}");

        foreach (var cluster in aws.EksClusters)
        {
            Use(IdentityKind.EksCluster, cluster.Name, $"EKS cluster {cluster.Name}");
            if (cluster.VpcId is { } vpc) Use(IdentityKind.Vpc, vpc, $"VPC {vpc} of EKS cluster {cluster.Name}");
            if (cluster.RoleArn is { } role) Use(IdentityKind.Role, NameOf(role), $"role {NameOf(role)}, the EKS cluster role of {cluster.Name}");
            foreach (var sg in cluster.ControlPlaneGroupIds) Use(IdentityKind.SecurityGroup, sg, $"security group {sg} of EKS cluster {cluster.Name}'s control plane");
        }
        // Pods' branch ENIs (security groups for pods) carry their own groups.
        foreach (var eni in aws.NetworkInterfaces)
            if (eni.IsPodBranch)
                foreach (var sg in eni.SecurityGroupIds) Use(IdentityKind.SecurityGroup, sg, $"security group {sg} of pod branch ENI {eni.NetworkInterfaceId}");
        foreach (var (instance, _) in nodeInstances)
        {
            foreach (var (key, value) in instance.Tags)
            {
                if (key == "eks:cluster-name") Use(IdentityKind.EksCluster, value, $"EKS cluster {value} of the nodes");
                else if (key.StartsWith("kubernetes.io/cluster/", StringComparison.Ordinal)) Use(IdentityKind.EksCluster, key["kubernetes.io/cluster/".Length..], $"cluster {key["kubernetes.io/cluster/".Length..]} of the nodes");
            }
        }

        // Auto Scaling groups that launch nodes, and the launch templates and profiles the next nodes get.
        foreach (var group in aws.AutoScalingGroups)
        {
            if (!used[IdentityKind.AutoScalingGroup].ContainsKey(group.Name) && !group.InstanceIds.Any(used[IdentityKind.Instance].ContainsKey) && !IsClusterGroup(group)) continue;
            Use(IdentityKind.AutoScalingGroup, group.Name, $"Auto Scaling group {group.Name} that launches the nodes");
            if (group.LaunchTemplateId is { } id) Use(IdentityKind.LaunchTemplate, id, $"launch template {id} of Auto Scaling group {group.Name}");
            if (group.LaunchTemplateName is { } name) Use(IdentityKind.LaunchTemplate, name, $"launch template {name} of Auto Scaling group {group.Name}");
        }
        foreach (var version in aws.LaunchTemplateVersions)
        {
            if (!used[IdentityKind.LaunchTemplate].ContainsKey(version.LaunchTemplateId) && (version.LaunchTemplateName is null || !used[IdentityKind.LaunchTemplate].ContainsKey(version.LaunchTemplateName))) continue;
            if (version.LaunchTemplateName is { } n) Use(IdentityKind.LaunchTemplate, n, $"launch template {n} that launches the nodes");
            Use(IdentityKind.LaunchTemplate, version.LaunchTemplateId, $"launch template {version.LaunchTemplateId} that launches the nodes");
            var profile = version.InstanceProfileName ?? (version.InstanceProfileArn is { } a ? NameOf(a) : null);
            if (profile is not null) Use(IdentityKind.InstanceProfile, profile, $"instance profile {profile} that launch template {version.LaunchTemplateName ?? version.LaunchTemplateId} gives new nodes");
        }

        // Roles: of the node profiles, of service accounts, of Pod Identity associations, mapped in aws-auth.
        foreach (var profile in aws.InstanceProfiles)
        {
            if (!used[IdentityKind.InstanceProfile].TryGetValue(profile.Name, out var why)) continue;
            foreach (var role in profile.RoleNames) Use(IdentityKind.Role, role, $"role {role} in {why}");
        }
        foreach (var sa in world.Kube.ServiceAccounts)
            if (sa.IrsaRoleArn is { } arn) Use(IdentityKind.Role, NameOf(arn), $"IRSA role {NameOf(arn)} of service account {sa.Key}");
        foreach (var a in aws.PodIdentityAssociations)
            if (a.RoleArn is { } arn) Use(IdentityKind.Role, NameOf(arn), $"Pod Identity role {NameOf(arn)} of service account {a.Namespace}/{a.ServiceAccount}");
        foreach (var m in world.Kube.AwsAuthRoleMappings)
            Use(IdentityKind.Role, NameOf(m.RoleArn), $"role {NameOf(m.RoleArn)} mapped in aws-auth ({string.Join(", ", m.Groups)})");

        // What those roles are made of and what they name.
        foreach (var role in aws.Roles)
        {
            if (!used[IdentityKind.Role].TryGetValue(role.Name, out var why)) continue;
            foreach (var arn in role.AttachedManagedPolicyArns) Use(IdentityKind.Policy, arn, $"policy {arn} attached to {why}");
            if (role.PermissionsBoundaryArn is { } boundary) Use(IdentityKind.Policy, boundary, $"permissions boundary {boundary} of {why}");
            if (role.AssumeRolePolicy is { } trust)
                foreach (Match m in OidcArnPattern().Matches(trust)) Use(IdentityKind.OidcProvider, m.Value, $"OIDC provider {m.Value} trusted by {why}");
            foreach (var text in role.InlinePolicies.Values) AddResources(text, why);
        }
        foreach (var policy in aws.Policies)
            if (used[IdentityKind.Policy].TryGetValue(policy.Arn, out var why) && policy.Document is { } text) AddResources(text, why);
        foreach (var cluster in aws.EksClusters)
            if (cluster.OidcIssuer is { } issuer)
                foreach (var p in aws.OidcProviders.Where(p => p.Url is { } u && issuer.EndsWith(u, StringComparison.Ordinal)))
                    Use(IdentityKind.OidcProvider, p.Arn, $"OIDC provider {p.Arn} of EKS cluster {cluster.Name}");
    }

    /// <summary>Whether the cluster uses what <paramref name="token"/> names.</summary>
    public Membership Of(IdentityToken token)
    {
        if (token.IsUnknown)
            return unknownByAttribute.GetOrAdd(token.Attribute, static attribute => Membership.Undecidable([], $"{attribute} is known only after apply"));
        if (token.IsBucketName) return OfBucket(token.Value);
        if (used[token.Kind].TryGetValue(token.Value, out var how)) return Membership.Used(how);
        if (token.Kind is IdentityKind.Arn or IdentityKind.KmsKey && PolicyNaming(token.Value) is { } role) return Membership.Used($"{token.Value}, named in a policy of {role}");
        if (token.Kind == IdentityKind.KmsKey) return KmsKeysNotRead;
        // Two threads may both work it out; they get equal answers, and either one is kept.
        return unusedByKind[(int)token.Kind] ??= Unused(token.Kind);
    }

    /// <summary>Not used, when the state that would show a use of this kind was read; else undecidable without it.</summary>
    private Membership Unused(IdentityKind kind)
    {
        var missing = Needs(kind).Where(n => !n.IsLoaded(world)).ToList();
        if (nodesUnknown && kind is not (IdentityKind.EksCluster or IdentityKind.OidcProvider)) missing.Add(StateNeed.Nodes);
        return missing.Count == 0 ? Membership.NotUsed : Membership.Undecidable(missing);
    }

    /// <summary>Whether a fact the projection could not know (a key of <see cref="World.Unknowns"/>) concerns something the
    /// cluster uses: an unknown trust policy of a role nobody runs as changes nothing that runs.</summary>
    public bool Concerns(string unknownKey)
    {
        var colon = unknownKey.IndexOf(':');
        if (colon < 0) return true;
        var (kind, subject) = (unknownKey[..colon], unknownKey[(colon + 1)..]);
        var inner = subject.IndexOf(':');
        if (inner >= 0 && kind == "role-inline") subject = subject[..inner];
        return kind switch
        {
            "role-trust" or "role-boundary" or "role-managed" or "role-inline" => Of(new IdentityToken(IdentityKind.Role, subject, "name")).Kind != MembershipKind.NotUsed,
            "instance-profile-role" or "instance-profile-arn" => Of(new IdentityToken(IdentityKind.InstanceProfile, subject, "name")).Kind != MembershipKind.NotUsed,
            "instance-profile-of" => Of(new IdentityToken(IdentityKind.Instance, subject, "id")).Kind != MembershipKind.NotUsed,
            "policy" => Of(new IdentityToken(IdentityKind.Policy, subject, "arn")).Kind != MembershipKind.NotUsed,
            "arn" => subject.StartsWith("role/", StringComparison.Ordinal) ? Of(new IdentityToken(IdentityKind.Role, subject[(subject.LastIndexOf('/') + 1)..], "arn")).Kind != MembershipKind.NotUsed
                : subject.StartsWith("instance-profile", StringComparison.Ordinal) ? Of(new IdentityToken(IdentityKind.InstanceProfile, subject[(subject.LastIndexOf('/') + 1)..], "arn")).Kind != MembershipKind.NotUsed
                : Of(new IdentityToken(IdentityKind.OidcProvider, "arn:aws:iam::" + subject, "arn")).Kind == MembershipKind.Undecidable,
            // A new role or profile whose name is known only after apply: nothing running can use it yet.
            "role" or "instance-profile" => false,
            _ => true,
        };
    }

    /// <summary>The state that must have been read to say that the cluster does NOT use an identity of this kind.</summary>
    private IReadOnlyList<StateNeed> Needs(IdentityKind kind) => kind switch
    {
        IdentityKind.Instance => world.Kube.Loaded.Contains(KubeModel.Model.KubeStateKind.Nodes) ? [] : [StateNeed.Instances],
        IdentityKind.SecurityGroup or IdentityKind.Subnet or IdentityKind.Vpc => [StateNeed.Instances],
        IdentityKind.RouteTable => [StateNeed.Instances, StateNeed.RouteTables],
        IdentityKind.NetworkInterface => [StateNeed.Instances, StateNeed.NetworkInterfaces],
        IdentityKind.LaunchTemplate or IdentityKind.AutoScalingGroup => [StateNeed.Instances, StateNeed.AutoScalingGroups],
        IdentityKind.InstanceProfile => [StateNeed.Instances, StateNeed.AutoScalingGroups, StateNeed.LaunchTemplateVersions],
        IdentityKind.EksCluster => [StateNeed.Either(StateNeed.EksClusters, StateNeed.Instances)],
        IdentityKind.OidcProvider or IdentityKind.Role or IdentityKind.Policy or IdentityKind.Arn or IdentityKind.KmsKey => RoleNeeds(),
        _ => [],
    };

    private static List<StateNeed> RoleNeeds()
    {
        var needs = new List<StateNeed> { StateNeed.Iam, StateNeed.Instances, StateNeed.ServiceAccounts };
        needs.Add(StateNeed.PodIdentityAssociations);
        return needs;
    }

    /// <summary>Whether the cluster uses the bucket named <paramref name="name"/>: as <see cref="Of"/> for its ARN, put together
    /// in a buffer.</summary>
    private Membership OfBucket(string name)
    {
        var arn = Buffer(IdentityToken.BucketArnPrefix.Length + name.Length)[..(IdentityToken.BucketArnPrefix.Length + name.Length)];
        IdentityToken.BucketArnPrefix.CopyTo(arn);
        name.CopyTo(arn[IdentityToken.BucketArnPrefix.Length..]);
        if (used[IdentityKind.Arn].GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(arn, out var how)) return Membership.Used(how);
        if (PolicyNaming(arn) is { } role) return Membership.Used($"{arn}, named in a policy of {role}");
        return unusedByKind[(int)IdentityKind.Arn] ??= Unused(IdentityKind.Arn);
    }

    /// <summary>The role whose policy names <paramref name="arn"/>; a bucket counts as named by a pattern for its objects.</summary>
    private string? PolicyNaming(ReadOnlySpan<char> arn)
    {
        if (policyArns.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(arn, out var exact)) return exact;
        if (policyPatterns.Count == 0) return null;
        const string prefix = IdentityToken.BucketArnPrefix;
        var bucket = arn.StartsWith(prefix, StringComparison.Ordinal) && arn[prefix.Length..].IndexOf('/') < 0;
        // The bucket's ARN and an object in it, "ARN/key", side by side in this thread's buffer (the ARN may lie in it already).
        var inBucket = default(ReadOnlySpan<char>);
        if (bucket)
        {
            var buffer = Buffer(arn.Length + ObjectKey.Length);
            arn.CopyTo(buffer);
            ObjectKey.CopyTo(buffer[arn.Length..]);
            arn = buffer[..arn.Length];
            inBucket = buffer[..(arn.Length + ObjectKey.Length)];
        }
        foreach (var (start, match, role) in policyPatterns.Values)
        {
            if (arn.StartsWith(start, StringComparison.Ordinal) && match.IsMatch(arn)) return role;
            if (bucket && inBucket.StartsWith(start, StringComparison.Ordinal) && match.IsMatch(inBucket)) return role;
        }
        return null;
    }

    private const string ObjectKey = "/key";

    /// <summary>A buffer of at least <paramref name="length"/> characters, one per thread (changes are judged in parallel).
    /// A span taken from the smaller one stays valid: it still points into the array it was taken from.</summary>
    private static Span<char> Buffer(int length) =>
        ArnBuffer is { } b && b.Length >= length ? b : ArnBuffer = new char[Math.Max(length, 256)];

    [ThreadStatic]
    private static char[]? ArnBuffer;

    /// <summary>The Resource patterns of a policy that name something specific (not "*" or a service-wide wildcard).</summary>
    private void AddResources(string policyText, string role)
    {
        if (PolicyParser.Parse(policyText, "footprint") is not { IsOk: true } parsed) return;
        foreach (var statement in parsed.Value.Statements)
        {
            if (statement.Resource is not { IsNot: false } resource) continue;
            foreach (var pattern in resource.Patterns)
            {
                if (!IsSpecific(pattern)) continue;
                var wildcard = pattern.IndexOfAny(['*', '?']);
                if (wildcard < 0) policyArns.TryAdd(pattern, role);
                if (wildcard < 0 && !pattern.StartsWith("arn:aws:s3:::", StringComparison.Ordinal)) continue;
                if (!policyPatterns.ContainsKey(pattern))
                    policyPatterns[pattern] = (wildcard < 0 ? pattern : pattern[..wildcard], new WildcardPattern(pattern, ignoreCase: false), role);
            }
        }
    }

    /// <summary>A pattern names specific resources when it has literal text where the resource's name goes: after the resource
    /// type (role/NAME, table/NAME, repository/NAME), or for S3, whose ARNs have no type, in the bucket name. "*", "role/*" or
    /// "arn:aws:s3:::*" name every resource of a kind, not one the cluster depends on.</summary>
    internal static bool IsSpecific(string pattern)
    {
        if (!pattern.StartsWith("arn:", StringComparison.Ordinal)) return false;
        var parts = pattern.Split(':', 6);
        if (parts.Length < 6) return false;
        var resource = parts[5];
        string name;
        if (parts[2] == "s3") name = resource.Split('/')[0];
        else
        {
            var cut = resource.IndexOfAny(['/', ':']);
            name = cut >= 0 ? resource[(cut + 1)..] : resource;
        }
        return name.Replace("*", "", StringComparison.Ordinal).Replace("?", "", StringComparison.Ordinal).Trim('/', ':').Length > 0;
    }

    private static bool IsClusterGroup(AutoScalingGroup g) =>
        g.Tags.Keys.Any(k => k.StartsWith("kubernetes.io/cluster/", StringComparison.Ordinal) || k.StartsWith("k8s.io/cluster-autoscaler/", StringComparison.Ordinal) || k is "eks:cluster-name" or "eks:nodegroup-name");

    /// <summary>The nodes' EC2 instances: joined through the topology (providerID or DNS name), or every live instance the
    /// topology inferred nodes from.</summary>
    private static List<(Ec2Instance Instance, string Node)> NodeInstances(ClusterTopology topology)
    {
        var result = new List<(Ec2Instance, string)>();
        foreach (var node in topology.Nodes)
        {
            if (topology.InstanceOf(node) is { } instance) result.Add((instance, node.Name));
            else if (node.InstanceId is { } id) result.Add((new Ec2Instance { InstanceId = id, State = "running", Source = node.Source }, node.Name));
        }
        return result;
    }

    private void Use(IdentityKind kind, string value, string how) => used[kind].TryAdd(value, how);

    private static void Count(Dictionary<(IdentityKind, string), int> count, IdentityKind kind, string value) =>
        count[(kind, value)] = count.GetValueOrDefault((kind, value)) + 1;

    private static string NameOf(string arn) => arn[(arn.LastIndexOf('/') + 1)..];

    private static string Noun(IdentityKind kind) => kind switch
    {
        IdentityKind.SecurityGroup => "security group",
        IdentityKind.Subnet => "subnet",
        IdentityKind.Vpc => "VPC",
        IdentityKind.LaunchTemplate => "launch template",
        IdentityKind.AutoScalingGroup => "Auto Scaling group",
        IdentityKind.InstanceProfile => "instance profile",
        _ => kind.ToString(),
    };

    [GeneratedRegex(@"arn:aws[a-z-]*:iam::[0-9]*:oidc-provider/[^""\s]+", RegexOptions.CultureInvariant)]
    private static partial Regex OidcArnPattern();
}
