using Sprache;

namespace Kalc.Iac.PlanParser.Hcl.Grammar;

/// <summary>A forward reference to a parser built later (recursive grammar). Sprache's own <c>Parse.Ref</c> also keeps
/// a memo table per input position to detect left recursion, which costs a dictionary per token; this grammar has no
/// left recursion, so the reference is plain.</summary>
internal static class Lazy
{
    public static Parser<T> Ref<T>(Func<Parser<T>> reference)
    {
        Parser<T>? parser = null;
        return input => (parser ??= reference())(input);
    }
}
