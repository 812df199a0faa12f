using System.Text.Json;
using Kalc.Iac.AwsModel.Iam;

namespace Kalc.Iac.AwsModel.Tests.Iam;

/// <summary>Table-driven identity-policy cases from the IAM User Guide and real policies
/// (tests/AwsModel.Tests/Iam/cases/*.json; each group cites its source).</summary>
public sealed class IdentityPolicyCaseTests
{
    private static readonly Lazy<System.Collections.Immutable.ImmutableSortedDictionary<string, (JsonElement Group, JsonElement Case)>> Cases =
        new(() => CaseData.Load(CaseData.IdentityFiles));

    public static TheoryData<string> Ids() => [.. Cases.Value.Keys];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Identity_policy_case_gives_the_documented_decision(string id)
    {
        var (group, c) = Cases.Value[id];
        Assert.StartsWith("https://", CaseData.Citation(group, c), StringComparison.Ordinal);
        var policies = c.TryGetProperty("policies", out var own) ? own : group.GetProperty("policies");
        var identity = policies.EnumerateArray().Select((p, i) => CaseData.Policy(p, group, $"policy{i + 1}")).ToList();
        var principal = new PrincipalPolicies { Identity = [.. identity] };
        var boundarySource = c.TryGetProperty("boundary", out var cb) ? cb : group.TryGetProperty("boundary", out var gb) ? gb : default;
        if (boundarySource.ValueKind != JsonValueKind.Undefined)
            principal = principal with { PermissionsBoundary = CaseData.Policy(boundarySource, group, "boundary") };
        var guardSource = c.TryGetProperty("guardrails", out var cg) ? cg : group.TryGetProperty("guardrails", out var gg) ? gg : default;
        if (guardSource.ValueKind == JsonValueKind.Array)
            principal = principal with { Guardrails = [.. guardSource.EnumerateArray().Select((p, i) => CaseData.Policy(p, group, $"guardrail{i + 1}"))] };

        var result = IdentityPolicyEvaluator.Evaluate(principal, CaseData.Request(c, "*"));

        Assert.True(CaseData.Expected(c) == result.Decision, $"{id}: expected {CaseData.Expected(c)}, got {result}");
        CaseData.AssertDecidedBy(c, result);
    }

    [Fact]
    public void The_case_tables_hold_at_least_150_cases_each_with_a_citation()
    {
        var trust = CaseData.Load(CaseData.TrustFile);
        var malformed = CaseData.Load(CaseData.MalformedFile);
        Assert.True(Cases.Value.Count + trust.Count + malformed.Count >= 150, $"only {Cases.Value.Count} + {trust.Count} + {malformed.Count} cases");
        foreach (var (group, c) in Cases.Value.Values.Concat(trust.Values).Concat(malformed.Values))
            Assert.StartsWith("https://", CaseData.Citation(group, c), StringComparison.Ordinal);
    }
}
