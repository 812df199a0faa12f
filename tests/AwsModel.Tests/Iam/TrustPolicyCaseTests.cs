using System.Text.Json;
using Kalc.Iac.AwsModel.Iam;

namespace Kalc.Iac.AwsModel.Tests.Iam;

/// <summary>Table-driven trust-policy cases (EC2, IRSA web identity, EKS Pod Identity, AWS principals)
/// from tests/AwsModel.Tests/Iam/cases/trust.json.</summary>
public sealed class TrustPolicyCaseTests
{
    private static readonly Lazy<System.Collections.Immutable.ImmutableSortedDictionary<string, (JsonElement Group, JsonElement Case)>> Cases =
        new(() => CaseData.Load(CaseData.TrustFile));

    public static TheoryData<string> Ids() => [.. Cases.Value.Keys];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Trust_policy_case_gives_the_documented_decision(string id)
    {
        var (group, c) = Cases.Value[id];
        Assert.StartsWith("https://", CaseData.Citation(group, c), StringComparison.Ordinal);
        var trust = CaseData.Policy(c.TryGetProperty("trust", out var own) ? own : group.GetProperty("trust"), group, "trust");

        EvaluationResult result;
        if (c.TryGetProperty("ec2", out _))
        {
            result = TrustPolicyEvaluator.CanEc2Assume(trust);
        }
        else if (c.TryGetProperty("webIdentity", out var w))
        {
            result = TrustPolicyEvaluator.CanAssumeWithWebIdentity(trust, new WebIdentityRequest
            {
                ProviderArn = w.GetProperty("provider").GetString()!,
                Namespace = w.GetProperty("namespace").GetString()!,
                ServiceAccount = w.GetProperty("serviceAccount").GetString()!,
                Audience = w.TryGetProperty("audience", out var aud) ? aud.GetString()! : WebIdentityRequest.DefaultAudience,
            });
        }
        else if (c.TryGetProperty("podIdentity", out var p))
        {
            result = TrustPolicyEvaluator.CanPodIdentityAssume(trust, new PodIdentityRequest
            {
                ClusterArn = p.GetProperty("clusterArn").GetString()!,
                ClusterName = p.GetProperty("clusterArn").GetString()![(p.GetProperty("clusterArn").GetString()!.LastIndexOf('/') + 1)..],
                Namespace = p.GetProperty("namespace").GetString()!,
                ServiceAccount = p.GetProperty("serviceAccount").GetString()!,
                SessionTagsDisabled = p.TryGetProperty("tagsDisabled", out var td) && td.GetBoolean(),
                SourceAccount = p.TryGetProperty("sourceAccount", out var sa) ? sa.GetString() : null,
                SourceArn = p.TryGetProperty("sourceArn", out var sr) ? sr.GetString() : null,
            });
        }
        else
        {
            var principal = c.GetProperty("principal");
            var who = new TrustPrincipal { Type = principal.GetProperty("type").GetString()!, Id = principal.GetProperty("id").GetString()! };
            result = TrustPolicyEvaluator.Evaluate(trust, who, CaseData.Request(c, TrustPolicyEvaluator.AssumeRole));
        }

        Assert.True(CaseData.Expected(c) == result.Decision, $"{id}: expected {CaseData.Expected(c)}, got {result}");
        CaseData.AssertDecidedBy(c, result);
    }
}
