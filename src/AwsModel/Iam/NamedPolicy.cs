namespace Kalc.Iac.AwsModel.Iam;

/// <summary>A policy document with the name (inline policy name or managed policy name) and, for a
/// managed policy, the ARN it is cited by.</summary>
public sealed record NamedPolicy
{
    public required string Name { get; init; }

    public string? Arn { get; init; }

    public required PolicyDocument Document { get; init; }

    public static NamedPolicy Of(string name, PolicyDocument document, string? arn = null) =>
        new() { Name = name, Arn = arn, Document = document };
}
