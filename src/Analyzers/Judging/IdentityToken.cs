namespace Kalc.Iac.Analyzers.Judging;

/// <summary>One identity a plan change names: the object it changes (its own id, ARN or name) or an object it changes by
/// reference (a rule's security group, an attachment's role). Values are normalised per kind: role and profile names,
/// ids, full ARNs for policies, providers, keys and other resources.</summary>
public readonly record struct IdentityToken(IdentityKind Kind, string Value, string Attribute)
{
    /// <summary>The value is known only after apply (or hidden): the object it names cannot be told.</summary>
    public bool IsUnknown { get; init; }

    public override string ToString() => $"{Attribute} = {(IsUnknown ? "(known after apply)" : Value)}";
}

/// <summary>What an identity names, and so which part of the cluster's footprint it is looked up in.</summary>
public enum IdentityKind
{
    Instance,
    SecurityGroup,
    Subnet,
    Vpc,
    RouteTable,
    NetworkInterface,
    LaunchTemplate,
    AutoScalingGroup,
    Role,
    InstanceProfile,
    Policy,
    OidcProvider,
    EksCluster,
    KmsKey,

    /// <summary>Any other AWS resource, by ARN (a bucket, a queue, a repository): looked up in what the cluster's roles may access.</summary>
    Arn,
}
