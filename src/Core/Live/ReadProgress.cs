namespace Kalc.Iac.Core.Live;

/// <summary>One step of a live read: which call, how many pages and items so far, and whether it ended.
/// Shared by the AWS and Kubernetes readers; the CLI renders it (spinner on a TTY, plain lines in CI).</summary>
public sealed record ReadProgress
{
    /// <summary>The call as a user would name it: <c>ec2 describe-instances</c>, <c>kubectl get nodes</c>.</summary>
    public required string Call { get; init; }

    public int Pages { get; init; }

    public int Items { get; init; }

    public ReadProgressStage Stage { get; init; }
}

public enum ReadProgressStage
{
    Started,
    Page,
    Done,
    Failed,
}
