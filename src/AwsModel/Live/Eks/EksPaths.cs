namespace Kalc.Iac.AwsModel.Live.Eks;

/// <summary>Escaping for the EKS REST paths: names and ids are path segments, tokens are query values.</summary>
public static class EksPaths
{
    public static string Segment(string value) => Uri.EscapeDataString(value);

    public static string Token(string? nextToken) => nextToken is null ? "" : "&nextToken=" + Uri.EscapeDataString(nextToken);
}
