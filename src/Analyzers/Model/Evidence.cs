using Kalc.Iac.Core;

namespace Kalc.Iac.Analyzers.Model;

/// <summary>One step of a finding's evidence chain: a fact, and where it came from (an input file and line or plan address,
/// a published reference, a kalc-iac catalog, or kalc-iac's own evaluation).</summary>
public sealed record Evidence(string Fact, SourceRef From);
