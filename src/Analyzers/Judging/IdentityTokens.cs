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

    /// <summary>The identities <paramref name="change"/> names. The object's own identity and every tie only when it exists
    /// already (update, delete, replace); a new object is used by nothing yet, so a create names only what it attaches to and
    /// so changes (<see cref="DefaultTieAttributes"/>: a new rule's security group, a new route's table).</summary>
    public static List<IdentityToken> Of(ResourceChange change, IReadOnlyList<string> ties)
    {
        var tokens = new List<IdentityToken>();
        var existing = change.Kind is ChangeKind.Update or ChangeKind.Delete or ChangeKind.Replace;
        if (existing)
        {
            foreach (var attribute in OwnAttributes)
                Add(tokens, change.Type, attribute, change.Before[attribute], own: true);
            // A text plan hides unchanged attributes but always shows id: the cluster of an EKS child is the first part of it.
            if (EksClusterOfId(change.Type, change.Before["id"].AsString()) is { } cluster && change.Before["cluster_name"].AsString() is null)
                Add(tokens, change.Type, "cluster_name", new PlanString(cluster), own: false);
        }
        foreach (var attribute in TiesRead(change.Type, ties, existing))
        {
            Add(tokens, change.Type, attribute, change.Before[attribute], own: false);
            if (!ReferenceEquals(change.After, change.Before)) Add(tokens, change.Type, attribute, change.After[attribute], own: false);
        }
        return tokens;
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
        if (ArnParts(value) is var (service, resource)) return FromArn(attribute, value, service, resource);
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
            IdentityKind.Arn when attribute == "bucket" => new IdentityToken(IdentityKind.Arn, "arn:aws:s3:::" + value, attribute),
            IdentityKind.Arn => null,
            { } k => new IdentityToken(k, value, attribute),
        };
    }

    private static IdentityToken FromArn(string attribute, string arn, string service, string resource)
    {
        var tail = resource[(resource.LastIndexOf('/') + 1)..];
        return (service, resource) switch
        {
            ("iam", _) when resource.StartsWith("role/", StringComparison.Ordinal) => new(IdentityKind.Role, tail, attribute),
            ("iam", _) when resource.StartsWith("instance-profile/", StringComparison.Ordinal) => new(IdentityKind.InstanceProfile, tail, attribute),
            ("iam", _) when resource.StartsWith("policy/", StringComparison.Ordinal) => new(IdentityKind.Policy, arn, attribute),
            ("iam", _) when resource.StartsWith("oidc-provider/", StringComparison.Ordinal) => new(IdentityKind.OidcProvider, arn, attribute),
            ("eks", _) when resource.StartsWith("cluster/", StringComparison.Ordinal) => new(IdentityKind.EksCluster, resource["cluster/".Length..], attribute),
            ("kms", _) when resource.StartsWith("key/", StringComparison.Ordinal) => new(IdentityKind.KmsKey, arn, attribute),
            ("ec2", _) when resource.StartsWith("security-group/", StringComparison.Ordinal) => new(IdentityKind.SecurityGroup, tail, attribute),
            ("ec2", _) when resource.StartsWith("subnet/", StringComparison.Ordinal) => new(IdentityKind.Subnet, tail, attribute),
            ("ec2", _) when resource.StartsWith("vpc/", StringComparison.Ordinal) => new(IdentityKind.Vpc, tail, attribute),
            ("ec2", _) when resource.StartsWith("instance/", StringComparison.Ordinal) => new(IdentityKind.Instance, tail, attribute),
            ("ec2", _) when resource.StartsWith("launch-template/", StringComparison.Ordinal) => new(IdentityKind.LaunchTemplate, tail, attribute),
            ("ec2", _) when resource.StartsWith("route-table/", StringComparison.Ordinal) => new(IdentityKind.RouteTable, tail, attribute),
            ("autoscaling", _) when resource.Contains("autoScalingGroupName/", StringComparison.Ordinal) => new(IdentityKind.AutoScalingGroup, tail, attribute),
            _ => new(IdentityKind.Arn, arn, attribute),
        };
    }

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
    public static (string Service, string Resource)? ArnParts(string value)
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
        return (value[(partitionEnd + 1)..serviceEnd], value[(accountEnd + 1)..]);
    }

    /// <summary>The prefix of an EC2 id (i-, sg-, subnet-, vpc-, rtb-, eni-, lt- and 8 to 17 lowercase hex digits), or null.</summary>
    public static string? IdPrefix(string value)
    {
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash < 1 || value.Length - dash - 1 is < 8 or > 17) return null;
        if (!All(value.AsSpan(dash + 1), c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'))) return null;
        return value[..dash] switch
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
