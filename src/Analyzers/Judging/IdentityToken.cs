namespace Kalc.Iac.Analyzers.Judging;

/// <summary>One identity a plan change names: the object it changes (its own id, ARN or name) or an object it changes by
/// reference (a rule's security group, an attachment's role). Values are normalised per kind: role and profile names,
/// ids, full ARNs for policies, providers, keys and other resources.</summary>
public readonly record struct IdentityToken(IdentityKind Kind, string Value, string Attribute)
{
    /// <summary>The value is known only after apply (or hidden): the object it names cannot be told.</summary>
    public bool IsUnknown { get; init; }

    /// <summary>An S3 bucket named by its name (a "bucket" attribute), of kind <see cref="IdentityKind.Arn"/>: <see cref="Value"/>
    /// is the name, and the ARN it stands for is <see cref="Text"/>, made only where it is needed (a large plan names tens
    /// of thousands of buckets, nearly all of them nothing the cluster uses).</summary>
    public bool IsBucketName { get; init; }

    /// <summary>"arn:aws:s3:::" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-arn-format.html).</summary>
    public const string BucketArnPrefix = "arn:aws:s3:::";

    /// <summary>The identity in full: the value, or the ARN of a bucket named by its name.</summary>
    public string Text => IsBucketName ? BucketArnPrefix + Value : Value;

    public override string ToString() => $"{Attribute} = {(IsUnknown ? "(known after apply)" : Text)}";
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
