namespace Kalc.Iac.Core.Live;

/// <summary>One file of state exactly as the offline readers take it (an aws-cli JSON output or a
/// <c>kubectl get -o json</c> List): what <c>kalc-iac snapshot</c> writes and what a live run parses.</summary>
public sealed record StateDocument(string FileName, ReadOnlyMemory<byte> Json);
