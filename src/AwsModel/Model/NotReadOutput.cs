namespace Kalc.Iac.AwsModel.Model;

/// <summary>A file of a state directory that is a well-formed aws-cli output kalc-iac does not read. It is listed in the
/// report, not refused: users dump whatever they have. <paramref name="Command"/> is the aws-cli command it looks like
/// ("ec2 describe-route-tables") or, failing that, its top-level keys.</summary>
public sealed record NotReadOutput(string File, string Command);
