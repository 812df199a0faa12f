namespace Kalc.Iac.Analyzers.Rules.NodeCredentials;

/// <summary>Why an instance loses the role credentials its instance profile gave it.</summary>
public enum CredentialLossCause
{
    ProfileDeleted,
    ProfileReplaced,
    RoleRemovedFromProfile,
    RoleDeleted,
    RoleReplaced,
    ProfileDisassociated,
}
