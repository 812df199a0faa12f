using System.Collections.Immutable;

namespace Kalc.Iac.AwsModel.Iam;

/// <summary>The request being authorised: action, resource and condition keys (multi-valued, names
/// case-insensitive). Keys not listed are Unknown unless <see cref="UnlistedKeysAreAbsent"/>: the
/// evaluator never assumes a key it was not told about.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-reqcontext.html</summary>
public sealed record RequestContext
{
    public static readonly StringComparer KeyComparer = StringComparer.OrdinalIgnoreCase;

    private static readonly ImmutableDictionary<string, ImmutableArray<string>> NoKeys =
        ImmutableDictionary.Create<string, ImmutableArray<string>>(KeyComparer);

    private static readonly ImmutableHashSet<string> NoKeyNames = ImmutableHashSet.Create<string>(KeyComparer);

    /// <summary>"service:Action", e.g. "ec2:DescribeInstances".</summary>
    public required string Action { get; init; }

    /// <summary>The resource ARN, "*" for actions without resource-level permissions, or null when the
    /// resource is not known (then only a Resource of "*" is known to match).</summary>
    public string? Resource { get; init; } = "*";

    public ImmutableDictionary<string, ImmutableArray<string>> Keys { get; init; } = NoKeys;

    /// <summary>Keys that are (or may be) in the request with a value we do not know.</summary>
    public ImmutableHashSet<string> UnknownKeys { get; init; } = NoKeyNames;

    /// <summary>Keys known not to be in the request.</summary>
    public ImmutableHashSet<string> AbsentKeys { get; init; } = NoKeyNames;

    /// <summary>When true, a key neither in <see cref="Keys"/> nor in <see cref="UnknownKeys"/> is absent
    /// from the request; when false (the default) it is unknown.</summary>
    public bool UnlistedKeysAreAbsent { get; init; }

    public static RequestContext For(string action, string? resource = "*") => new() { Action = action, Resource = resource };

    public RequestContext With(string key, params string[] values) =>
        this with { Keys = Keys.SetItem(key, [.. values]), UnknownKeys = UnknownKeys.Remove(key), AbsentKeys = AbsentKeys.Remove(key) };

    public RequestContext WithUnknown(string key) =>
        this with { UnknownKeys = UnknownKeys.Add(key), Keys = Keys.Remove(key), AbsentKeys = AbsentKeys.Remove(key) };

    public RequestContext WithAbsent(string key) =>
        this with { AbsentKeys = AbsentKeys.Add(key), Keys = Keys.Remove(key), UnknownKeys = UnknownKeys.Remove(key) };

    public KeyState Lookup(string key, out ImmutableArray<string> values)
    {
        if (Keys.TryGetValue(key, out values)) return KeyState.Present;
        values = [];
        if (AbsentKeys.Contains(key)) return KeyState.Absent;
        if (UnknownKeys.Contains(key)) return KeyState.Unknown;
        return UnlistedKeysAreAbsent ? KeyState.Absent : KeyState.Unknown;
    }
}
