using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.AwsModel.Model;

namespace Kalc.Iac.Analyzers.Rules.NodeCredentials;

/// <summary>One running instance that has role credentials before the change and none after, and the change that causes it.</summary>
public sealed record CredentialLoss(
    Ec2Instance Instance,
    InstanceProfile Profile,
    string? RoleName,
    CredentialLossCause Cause,
    MappedChange CausedBy);
