using System.Text.RegularExpressions;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Judging;

/// <summary>Reads the identities a change names from its values: the object's own id, ARN and name (for changes to an
/// existing object) and the attributes that tie it to another object it changes (<see cref="TieAttributes"/>).</summary>
public static partial class IdentityTokens
{
    /// <summary>Attributes through which a resource changes another object, when the type catalogue names none for its type:
    /// a rule's security group, a route's table, an attachment's role, a bucket policy's bucket, an add-on's cluster. Only
    /// what the change modifies: an attachment's policy or a rule's source group is referenced, not changed.</summary>
    public static readonly IReadOnlyList<string> DefaultTieAttributes =
    [
        "security_group_id", "route_table_id", "network_acl_id", "network_interface_id", "instance_id", "subnet_id",
        "role", "role_name", "roles", "bucket", "cluster_name", "key_id", "target_key_id", "autoscaling_group_name",
    ];

    /// <summary>Ties that a create changes besides the default ones: the route tables a new VPC endpoint adds routes to, the
    /// VPC a new gateway or association changes.</summary>
    private static IEnumerable<string> CreateTies(string type, IReadOnlyList<string> ties) =>
        ties.Where(t => t is "route_table_ids" || (t == "vpc_id" && ties.Contains("vpc_id")));

    /// <summary>The attributes that name the object itself.</summary>
    public static readonly IReadOnlyList<string> OwnAttributes = ["id", "arn", "name", "bucket"];

    /// <summary>Every attribute the extraction may read: what a plan reader must keep for types no mapper reads.</summary>
    public static IReadOnlySet<string> AttributesRead(IEnumerable<string>? extraTies = null) =>
        OwnAttributes.Concat(DefaultTieAttributes).Concat(extraTies ?? []).ToHashSet(StringComparer.Ordinal);

    /// <summary>The identities <paramref name="change"/> names, into <paramref name="tokens"/> (cleared first: judging reuses
    /// one list per thread for tens of thousands of changes). The object's own identity and every tie only when it exists
    /// already (update, delete, replace); a new object is used by nothing yet, so a create names only what it attaches to and
    /// so changes (<see cref="DefaultTieAttributes"/>: a new rule's security group, a new route's table).</summary>
    public static void Of(ResourceChange change, IReadOnlyList<string> ties, List<IdentityToken> tokens)
    {
        tokens.Clear();
        var existing = change.Kind is ChangeKind.Update or ChangeKind.Delete or ChangeKind.Replace;
        if (existing)
        {
            // By index: a foreach over the interface would allocate an enumerator per change.
            for (var i = 0; i < OwnAttributes.Count; i++)
                Add(tokens, change.Type, OwnAttributes[i], change.Before[OwnAttributes[i]], own: true);
            // A text plan hides unchanged attributes but always shows id: the cluster of an EKS child is the first part of it.
            if (EksClusterOfId(change.Type, change.Before["id"].AsString()) is { } cluster && change.Before["cluster_name"].AsString() is null)
                Add(tokens, change.Type, "cluster_name", new PlanString(cluster), own: false);
        }
        foreach (var attribute in TiesRead(change.Type, ties, existing))
        {
            Add(tokens, change.Type, attribute, change.Before[attribute], own: false);
            if (!ReferenceEquals(change.After, change.Before)) Add(tokens, change.Type, attribute, change.After[attribute], own: false);
        }
    }

    /// <summary>The cluster named by the id of an EKS node group, add-on, Fargate profile, access entry or pod identity
    /// association, which the AWS provider builds as "CLUSTER:..." (e.g. https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_node_group#id).</summary>
    public static string? EksClusterOfId(string type, string? id) =>
        type is "aws_eks_node_group" or "aws_eks_addon" or "aws_eks_fargate_profile" or "aws_eks_access_entry" or "aws_eks_pod_identity_association"
        && id is { } text && text.IndexOf(':') is > 0 and var colon ? text[..colon] : null;

    /// <summary>The tie attributes read for a change of <paramref name="type"/>, worked out once per type and kind of change
    /// (a large plan has tens of thousands of changes of a few types).</summary>
    private static string[] TiesRead(string type, IReadOnlyList<string> ties, bool existing) =>
        TiesByType.GetOrAdd((type, ties, existing), key => key.Existing
            ? [.. key.Ties.Union(DefaultTieAttributes)]
            : [.. key.Ties.Where(DefaultTieAttributes.Contains).Union(CreateTies(key.Type, key.Ties))]);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Type, IReadOnlyList<string> Ties, bool Existing), string[]> TiesByType = new();

    private static void Add(List<IdentityToken> tokens, string type, string attribute, PlanValue value, bool own)
    {
        switch (value)
        {
            case PlanUnknown or PlanSensitive when !own:
                tokens.Add(new IdentityToken(KindOfAttribute(attribute) ?? IdentityKind.Arn, "", attribute) { IsUnknown = true });
                return;
            case PlanList list:
                foreach (var item in list.Items) Add(tokens, type, attribute, item, own);
                return;
        }
        if (value.AsString() is not { Length: > 0 } text) return;
        if (Classify(type, attribute, text, own) is { } token && !tokens.Contains(token)) tokens.Add(token);
    }

    /// <summary>What a value names: an ARN by its service and resource type, an id by its prefix, else by the attribute.</summary>
    public static IdentityToken? Classify(string type, string attribute, string value, bool own)
    {
        if (ArnRanges(value) is var (service, resource)) return FromArn(attribute, value, value.AsSpan()[service], resource.Start.Value);
        if (IdPrefix(value) is { } prefix)
        {
            IdentityKind? kind = prefix switch
            {
                "i" => IdentityKind.Instance,
                "sg" => IdentityKind.SecurityGroup,
                "subnet" => IdentityKind.Subnet,
                "vpc" => IdentityKind.Vpc,
                "rtb" => IdentityKind.RouteTable,
                "eni" => IdentityKind.NetworkInterface,
                "lt" => IdentityKind.LaunchTemplate,
                _ => null,
            };
            if (kind is { } k) return new IdentityToken(k, value, attribute);
        }
        var byAttribute = own ? KindOfOwnName(type, attribute) : KindOfAttribute(attribute);
        return byAttribute switch
        {
            null => null,
            IdentityKind.Arn when attribute == "bucket" => new IdentityToken(IdentityKind.Arn, value, attribute) { IsBucketName = true },
            IdentityKind.Arn => null,
            { } k => new IdentityToken(k, value, attribute),
        };
    }

    /// <summary>The identity an ARN names, given its service and where its resource part starts.</summary>
    private static IdentityToken FromArn(string attribute, string arn, ReadOnlySpan<char> service, int resourceStart)
    {
        var resource = arn.AsSpan(resourceStart);
        // Only the resource part may hold a '/' (the parts before it are checked by ArnRanges).
        var tailStart = resourceStart + resource.LastIndexOf('/') + 1;
        string Tail() => arn[tailStart..];
        if (Is(service, resource, "iam", "role/")) return new(IdentityKind.Role, Tail(), attribute);
        if (Is(service, resource, "iam", "instance-profile/")) return new(IdentityKind.InstanceProfile, Tail(), attribute);
        if (Is(service, resource, "iam", "policy/")) return new(IdentityKind.Policy, arn, attribute);
        if (Is(service, resource, "iam", "oidc-provider/")) return new(IdentityKind.OidcProvider, arn, attribute);
        if (Is(service, resource, "eks", "cluster/")) return new(IdentityKind.EksCluster, arn[(resourceStart + "cluster/".Length)..], attribute);
        if (Is(service, resource, "kms", "key/")) return new(IdentityKind.KmsKey, arn, attribute);
        if (Is(service, resource, "ec2", "security-group/")) return new(IdentityKind.SecurityGroup, Tail(), attribute);
        if (Is(service, resource, "ec2", "subnet/")) return new(IdentityKind.Subnet, Tail(), attribute);
        if (Is(service, resource, "ec2", "vpc/")) return new(IdentityKind.Vpc, Tail(), attribute);
        if (Is(service, resource, "ec2", "instance/")) return new(IdentityKind.Instance, Tail(), attribute);
        if (Is(service, resource, "ec2", "launch-template/")) return new(IdentityKind.LaunchTemplate, Tail(), attribute);
        if (Is(service, resource, "ec2", "route-table/")) return new(IdentityKind.RouteTable, Tail(), attribute);
        if (service.SequenceEqual("autoscaling") && resource.Contains("autoScalingGroupName/", StringComparison.Ordinal))
            return new(IdentityKind.AutoScalingGroup, Tail(), attribute);
        return new(IdentityKind.Arn, arn, attribute);
    }

    private static bool Is(ReadOnlySpan<char> service, ReadOnlySpan<char> resource, string expectedService, string resourcePrefix) =>
        service.SequenceEqual(expectedService) && resource.StartsWith(resourcePrefix, StringComparison.Ordinal);

    /// <summary>A tie attribute whose value is a bare name: what it names.</summary>
    private static IdentityKind? KindOfAttribute(string attribute) => attribute switch
    {
        "role" or "role_name" or "roles" => IdentityKind.Role,
        "cluster_name" => IdentityKind.EksCluster,
        "autoscaling_group_name" => IdentityKind.AutoScalingGroup,
        "iam_instance_profile" or "instance_profile_name" => IdentityKind.InstanceProfile,
        "instance_id" => IdentityKind.Instance,
        "security_group_id" => IdentityKind.SecurityGroup,
        "subnet_id" => IdentityKind.Subnet,
        "route_table_id" => IdentityKind.RouteTable,
        "network_interface_id" => IdentityKind.NetworkInterface,
        "launch_template_id" => IdentityKind.LaunchTemplate,
        "key_id" or "target_key_id" => IdentityKind.KmsKey,
        "policy_arn" => IdentityKind.Policy,
        "openid_connect_provider_arn" => IdentityKind.OidcProvider,
        "bucket" => IdentityKind.Arn,
        _ => null,
    };

    /// <summary>An object's own name: what it names depends on the resource type.</summary>
    private static IdentityKind? KindOfOwnName(string type, string attribute) => (type, attribute) switch
    {
        ("aws_iam_role", "name") => IdentityKind.Role,
        ("aws_iam_instance_profile", "name") => IdentityKind.InstanceProfile,
        ("aws_eks_cluster", "name") => IdentityKind.EksCluster,
        ("aws_autoscaling_group", "name") => IdentityKind.AutoScalingGroup,
        ("aws_launch_template", "name") => IdentityKind.LaunchTemplate,
        ("aws_kms_key", "id") => IdentityKind.KmsKey,
        (_, "bucket") when type.StartsWith("aws_s3_bucket", StringComparison.Ordinal) => IdentityKind.Arn,
        _ => null,
    };

    /// <summary>An ARN's service and resource: arn:aws[a-z-]*:SERVICE:[a-z0-9-]*:[0-9]*:RESOURCE
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html), or null for anything else.</summary>
    public static (string Service, string Resource)? ArnParts(string value) =>
        ArnRanges(value) is var (service, resource) ? (value[service], value[resource]) : null;

    /// <summary>Where <see cref="ArnParts"/> lie in <paramref name="value"/>, without cutting them out.</summary>
    private static (Range Service, Range Resource)? ArnRanges(string value)
    {
        if (!value.StartsWith("arn:aws", StringComparison.Ordinal)) return null;
        var span = value.AsSpan();
        var partitionEnd = value.IndexOf(':', 4);
        if (partitionEnd < 0 || !All(span[7..partitionEnd], c => c is (>= 'a' and <= 'z') or '-')) return null;
        var serviceEnd = value.IndexOf(':', partitionEnd + 1);
        if (serviceEnd <= partitionEnd + 1 || !All(span[(partitionEnd + 1)..serviceEnd], IsLowerAlnumOrDash)) return null;
        var regionEnd = value.IndexOf(':', serviceEnd + 1);
        if (regionEnd < 0 || !All(span[(serviceEnd + 1)..regionEnd], IsLowerAlnumOrDash)) return null;
        var accountEnd = value.IndexOf(':', regionEnd + 1);
        if (accountEnd < 0 || !All(span[(regionEnd + 1)..accountEnd], char.IsAsciiDigit)) return null;
        // The resource is anything but empty, on one line (as ".+" without Singleline matches).
        var resource = span[(accountEnd + 1)..];
        if (resource.IsEmpty || resource.IndexOf('\n') >= 0) return null;
        return ((partitionEnd + 1)..serviceEnd, (accountEnd + 1)..);
    }

    /// <summary>The prefix of an EC2 id (i-, sg-, subnet-, vpc-, rtb-, eni-, lt- and 8 to 17 lowercase hex digits), or null.</summary>
    public static string? IdPrefix(string value)
    {
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash < 1 || value.Length - dash - 1 is < 8 or > 17) return null;
        if (!All(value.AsSpan(dash + 1), c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'))) return null;
        return value.AsSpan(0, dash) switch
        {
            "i" => "i",
            "sg" => "sg",
            "subnet" => "subnet",
            "vpc" => "vpc",
            "rtb" => "rtb",
            "eni" => "eni",
            "lt" => "lt",
            _ => null,
        };
    }

    private static bool IsLowerAlnumOrDash(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-';

    private static bool All(ReadOnlySpan<char> text, Func<char, bool> test)
    {
        foreach (var c in text)
            if (!test(c)) return false;
        return true;
    }
}
