using System.Collections.Immutable;

namespace Kalc.Iac.KubeModel.Model;

/// <summary>A Kubernetes label selector (matchLabels and matchExpressions), matched as the API server does:
/// every term must hold; an empty selector matches everything
/// (https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors).</summary>
public sealed record LabelSelector
{
    public ImmutableDictionary<string, string> MatchLabels { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableArray<LabelRequirement> MatchExpressions { get; init; } = [];

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (k, v) in MatchLabels)
            if (!labels.TryGetValue(k, out var actual) || actual != v) return false;
        foreach (var e in MatchExpressions)
            if (!e.Matches(labels)) return false;
        return true;
    }
}

/// <summary>One matchExpressions term: In, NotIn, Exists, DoesNotExist.</summary>
public sealed record LabelRequirement(string Key, string Operator, ImmutableArray<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            "In" => has && Values.Contains(value!),
            "NotIn" => !has || !Values.Contains(value!),
            "Exists" => has,
            "DoesNotExist" => !has,
            _ => false,
        };
    }
}
