using System.Text.Json;
using CsCheck;
using Kalc.Iac.AwsModel.Iam;

namespace Kalc.Iac.AwsModel.Tests.Iam;

/// <summary>CsCheck generators of small policies and requests over a shared vocabulary, so that random
/// statements actually hit random requests.</summary>
internal static class PolicyGen
{
    public const string TagKey = "aws:PrincipalTag/team";

    public static readonly string[] Actions =
        ["s3:GetObject", "s3:PutObject", "ec2:DescribeInstances", "ec2:RunInstances", "iam:CreateUser", "iam:ListRoles"];

    public static readonly string[] ActionPatterns =
        ["s3:GetObject", "ec2:RunInstances", "iam:ListRoles", "s3:*", "ec2:Describe*", "*", "*Object", "IAM:CREATEUSER", "iam:?reateUser"];

    public static readonly string[] Resources =
        ["*", "arn:aws:s3:::b/k", "arn:aws:s3:::c/k", "arn:aws:ec2:us-east-1:111122223333:instance/i-1"];

    public static readonly string[] ResourcePatterns =
        ["*", "arn:aws:s3:::b/*", "arn:aws:s3:::b/k", "arn:aws:ec2:*:*:instance/*", "arn:aws:s3:::*"];

    /// <summary>Condition blocks over one tag key; null = unconditional.</summary>
    public static readonly object?[] Conditions =
    [
        null,
        new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { [TagKey] = "a" } },
        new Dictionary<string, object> { ["StringNotEquals"] = new Dictionary<string, object> { [TagKey] = new[] { "a", "b" } } },
        new Dictionary<string, object> { ["StringLike"] = new Dictionary<string, object> { [TagKey] = "a*" } },
        new Dictionary<string, object> { ["StringEqualsIfExists"] = new Dictionary<string, object> { [TagKey] = "b" } },
        new Dictionary<string, object> { ["Null"] = new Dictionary<string, object> { [TagKey] = "true" } },
        new Dictionary<string, object> { ["ForAllValues:StringEquals"] = new Dictionary<string, object> { [TagKey] = new[] { "a", "c" } } },
        new Dictionary<string, object> { ["ForAnyValue:StringLike"] = new Dictionary<string, object> { [TagKey] = "c*" } },
        new Dictionary<string, object> { ["DateLessThan"] = new Dictionary<string, object> { ["aws:CurrentTime"] = "2030-01-01T00:00:00Z" } },
    ];

    /// <summary>What the request says about <see cref="TagKey"/>: null = unknown, empty = absent.</summary>
    public static readonly string[]?[] TagStates = [null, [], ["a"], ["b"], ["a", "c"], ["c"]];

    public static readonly Gen<Dictionary<string, object>> Statement =
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Int[0, ActionPatterns.Length - 1].Array[1, 3], Gen.Bool,
            Gen.Int[0, ResourcePatterns.Length - 1].Array[1, 2], Gen.Int[0, Conditions.Length - 1],
            (allow, notAction, actions, notResource, resources, condition) =>
            {
                var s = new Dictionary<string, object>
                {
                    ["Effect"] = allow ? "Allow" : "Deny",
                    [notAction ? "NotAction" : "Action"] = actions.Select(i => ActionPatterns[i]).ToArray(),
                    [notResource ? "NotResource" : "Resource"] = resources.Select(i => ResourcePatterns[i]).ToArray(),
                };
                if (Conditions[condition] is { } c) s["Condition"] = c;
                return s;
            });

    public static readonly Gen<List<Dictionary<string, object>>> Statements = Statement.List[0, 4];

    public static readonly Gen<RequestContext> Request =
        Gen.Select(Gen.Int[0, Actions.Length - 1], Gen.Int[0, Resources.Length - 1], Gen.Int[0, TagStates.Length - 1],
            (a, r, t) => WithTag(new RequestContext { Action = Actions[a], Resource = Resources[r] }, TagStates[t]));

    public static RequestContext WithTag(RequestContext request, string[]? tag) => tag switch
    {
        null => request.WithUnknown(TagKey),
        [] => request.WithAbsent(TagKey),
        _ => request.With(TagKey, tag),
    };

    public static NamedPolicy Policy(IEnumerable<Dictionary<string, object>> statements, string name = "generated")
    {
        var text = JsonSerializer.Serialize(new Dictionary<string, object> { ["Version"] = "2012-10-17", ["Statement"] = statements.ToArray() });
        var parsed = PolicyParser.Parse(text, name);
        Assert.True(parsed.IsOk, parsed.Error?.ToString());
        return NamedPolicy.Of(name, parsed.Value!);
    }

    public static PrincipalPolicies Principal(params IEnumerable<Dictionary<string, object>>[] policies) =>
        new() { Identity = [.. policies.Select((p, i) => Policy(p, $"p{i}"))] };
}
