using System.Collections.Concurrent;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Iam;

/// <summary>Parses each distinct policy text once: thousands of roles attach the same few managed
/// policies and often repeat the same inline and trust documents. Thread-safe; one per account read.</summary>
public sealed class PolicyDocumentCache
{
    private readonly ConcurrentDictionary<string, ParseResult<PolicyDocument>> _byText = new(StringComparer.Ordinal);

    public int Count => _byText.Count;

    /// <summary>The parsed document; the error (naming <paramref name="source"/> of the first text seen)
    /// when it does not parse.</summary>
    public ParseResult<PolicyDocument> Get(string text, string source) =>
        _byText.GetOrAdd(text, static (t, s) => PolicyParser.Parse(t, s), source);
}
