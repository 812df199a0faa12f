namespace Kalc.Iac.Analyzers.Rules;

/// <summary>An analysis several rules share, computed once per <see cref="AnalysisContext"/> when the first rule asks for it
/// (<see cref="AnalysisContext.Analysis{T}"/>). A new shared analysis is a new type; the context is not edited.</summary>
public interface ISharedAnalysis<TSelf> where TSelf : class, ISharedAnalysis<TSelf>
{
    static abstract TSelf Compute(AnalysisContext context);
}
