namespace Kalc.Iac.Analyzers.Rules;

/// <summary>A rule that can tell which state it needed for this change but did not get. Anything it names makes the
/// verdict <c>incomplete</c> (when nothing breaks) and is listed in the report's <c>missing</c>.</summary>
public interface IRequiresState
{
    IEnumerable<string> MissingState(AnalysisContext context);
}
