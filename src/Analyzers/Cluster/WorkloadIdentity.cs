namespace Kalc.Iac.Analyzers.Cluster;

/// <summary>Where a workload's AWS credentials come from.</summary>
public enum IdentitySource
{
    /// <summary>The instance profile role of the node it runs on (IMDS).</summary>
    Node,

    /// <summary>IRSA: service-account annotation eks.amazonaws.com/role-arn.</summary>
    Irsa,

    /// <summary>An EKS Pod Identity association for its service account.</summary>
    PodIdentity,

    /// <summary>Static keys in the environment (AWS_ACCESS_KEY_ID): not an IAM role kalc-iac can follow.</summary>
    StaticKeys,
}

/// <summary>A workload's identity: the source, and the role ARN when it is one of its own.</summary>
public sealed record WorkloadIdentity(IdentitySource Source, string? RoleArn, string Evidence);
