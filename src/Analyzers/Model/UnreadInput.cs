namespace Kalc.Iac.Analyzers.Model;

/// <summary>A file of a state directory that holds an output kalc-iac does not read (an aws-cli or kubectl output of
/// another kind): listed in the report, never an error. <see cref="Output"/> names what it looks like, e.g.
/// "aws route53 list-hosted-zones" or "kubectl get cronjobs (3 objects)".</summary>
public sealed record UnreadInput(string File, string Output);
