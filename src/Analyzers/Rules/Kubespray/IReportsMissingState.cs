namespace Kalc.Iac.Analyzers.Rules.Kubespray;

/// <summary>A rule that can say which facts it lacked: when it returns anything for a context, an empty result from
/// <see cref="IRule.Evaluate"/> means "could not judge", not "safe", and the verdict should be incomplete.</summary>
public interface IReportsMissingState
{
    IEnumerable<string> Missing(AnalysisContext context);
}
