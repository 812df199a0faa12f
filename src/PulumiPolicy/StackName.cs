namespace Kalc.Iac.PulumiPolicy;

/// <summary>The stack being updated, as <c>ConfigureStack</c> names it.</summary>
public sealed record StackName(string Organization, string Project, string Stack, bool DryRun)
{
    /// <summary>What <c>pulumi stack export --stack</c> takes: <c>org/project/stack</c> when both are known.</summary>
    public string Qualified =>
        Organization.Length > 0 && Project.Length > 0 ? $"{Organization}/{Project}/{Stack}" : Stack;
}
