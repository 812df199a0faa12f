namespace Kalc.Iac.Analyzers.Catalog;

/// <summary>Where a component's requirements were taken from: the upstream repository, path and commit.</summary>
public sealed record RequirementSource(string File, string Repo, string Path, string Commit, string Url);
