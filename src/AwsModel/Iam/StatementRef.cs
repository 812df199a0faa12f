namespace Kalc.Iac.AwsModel.Iam;

/// <summary>Where a deciding statement is: its policy (name, ARN when managed) and its index/Sid, so a
/// finding can cite "statement 'AllowEC2Describe' of arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy".</summary>
public sealed record StatementRef
{
    public required string PolicyName { get; init; }

    public string? PolicyArn { get; init; }

    public required int Index { get; init; }

    public string? Sid { get; init; }

    public required Effect Effect { get; init; }

    /// <summary>Why the statement did not settle the request, for Unknown results.</summary>
    public string? UnknownBecause { get; init; }

    public override string ToString()
    {
        var stmt = Sid is { Length: > 0 } s ? $"statement '{s}'" : $"statement #{Index + 1}";
        return $"{stmt} of {PolicyArn ?? PolicyName}";
    }
}
