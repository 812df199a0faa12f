namespace Kalc.Iac.Analyzers.Model;

/// <summary>What was read: <c>input</c> of the JSON report.</summary>
public sealed record InputInfo(string Kind, string? FormatVersion, string? Producer);
