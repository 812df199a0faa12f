namespace Kalc.Iac.KubeModel.Live;

/// <summary>How to reach the cluster. Left null, the standard chain: in-cluster service account when running
/// in a pod, else KUBECONFIG / ~/.kube/config with its current context.</summary>
public sealed record LiveKubeOptions
{
    /// <summary>--kubeconfig; null: KUBECONFIG or ~/.kube/config.</summary>
    public string? KubeconfigPath { get; init; }

    /// <summary>--context; null: the kubeconfig's current-context.</summary>
    public string? Context { get; init; }

    /// <summary>Bound on one request; a hanging API server fails the call after this.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Items per page (<c>limit</c>); pages are followed with <c>continue</c>.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Lists in flight at once.</summary>
    public int MaxConcurrency { get; init; } = 4;
}
