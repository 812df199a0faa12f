using Pulumirpc;

namespace Kalc.Iac.PulumiPolicy.Tests.Engine;

/// <summary>What a user reads in a diagnostic's message: the rule id it starts with and the impact lines.</summary>
public static class Diagnostic
{
    public static string RuleId(AnalyzeDiagnostic d) => d.Message.Split(' ', 2)[0];

    public static IReadOnlyList<string> Line(AnalyzeDiagnostic d, string label) =>
        d.Message.Split('\n').FirstOrDefault(l => l.StartsWith(label + ": ", StringComparison.Ordinal)) is { } line
            ? line[(label.Length + 2)..].Split(", ")
            : [];
}
