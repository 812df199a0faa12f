namespace Kalc.Iac.AwsModel.Iam;

/// <summary>EKS Pod Identity assuming a role for a service account: the EKS Auth service
/// (pods.eks.amazonaws.com) calls sts:AssumeRole and sts:TagSession with session tags naming the
/// cluster, namespace, service account and pod.
/// https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html and
/// https://docs.aws.amazon.com/eks/latest/userguide/pod-id-abac.html</summary>
public sealed record PodIdentityRequest
{
    /// <summary>The cluster's ARN; null when the state does not give it (the eks-cluster-arn tag is then unknown, never invented).</summary>
    public string? ClusterArn { get; init; }

    public required string ClusterName { get; init; }

    public required string Namespace { get; init; }

    public required string ServiceAccount { get; init; }

    /// <summary>The association's disableSessionTags: then no aws:RequestTag keys are sent.</summary>
    public bool SessionTagsDisabled { get; init; }

    /// <summary>aws:SourceAccount / aws:SourceArn when the caller knows what EKS sends; unknown otherwise.</summary>
    public string? SourceAccount { get; init; }

    public string? SourceArn { get; init; }
}
