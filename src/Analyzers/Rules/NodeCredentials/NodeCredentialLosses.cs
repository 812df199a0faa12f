namespace Kalc.Iac.Analyzers.Rules.NodeCredentials;

/// <summary>Every running instance whose credential chain the change cuts, shared by the node-credential rules.</summary>
public sealed record NodeCredentialLosses(IReadOnlyList<CredentialLoss> All) : ISharedAnalysis<NodeCredentialLosses>
{
    public static NodeCredentialLosses Compute(AnalysisContext context) =>
        new(CredentialLossAnalysis.Find(context.Before, context.After, context.Mapped));
}
