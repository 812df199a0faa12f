namespace Kalc.Iac.Analyzers.Model;

/// <summary>One step of a finding's evidence chain: a fact, and where it came from (file:line, plan address, API call).</summary>
public sealed record Evidence(string Fact, string From);
