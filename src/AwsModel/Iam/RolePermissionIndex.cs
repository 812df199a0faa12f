using System.Collections.Concurrent;
using System.Collections.Immutable;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Iam;

/// <summary>Answers "does role R allow actions A1..An (on resource X)?" for a whole account quickly:
/// each role's policies are gathered and parsed once (documents shared by text), and answers to
/// context-free questions are cached per (role, action, resource).</summary>
public sealed class RolePermissionIndex
{
    private readonly Dictionary<string, IamRole> _roles;
    private readonly Dictionary<string, ManagedPolicy> _policies;
    private readonly ImmutableArray<NamedPolicy> _guardrails;
    private readonly PolicyDocumentCache _documents;
    private readonly ConcurrentDictionary<string, PrincipalPolicies> _principals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Role, string Action, string? Resource), EvaluationResult> _answers = new();

    public RolePermissionIndex(IEnumerable<IamRole> roles, IEnumerable<ManagedPolicy> policies,
        ImmutableArray<NamedPolicy> guardrails = default, PolicyDocumentCache? documents = null)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(policies);
        _roles = new(roles.TryGetNonEnumeratedCount(out var roleCount) ? 2 * roleCount : 0, StringComparer.Ordinal);
        _policies = new(policies.TryGetNonEnumeratedCount(out var policyCount) ? policyCount : 0, StringComparer.Ordinal);
        foreach (var r in roles)
        {
            _roles[r.Arn] = r;
            _roles.TryAdd(r.Name, r);
        }
        foreach (var p in policies) _policies[p.Arn] = p;
        _guardrails = guardrails.IsDefault ? [] : guardrails;
        _documents = documents ?? new PolicyDocumentCache();
    }

    public static RolePermissionIndex From(AwsState state, ImmutableArray<NamedPolicy> guardrails = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new RolePermissionIndex(state.Roles, state.Policies, guardrails);
    }

    public PolicyDocumentCache Documents => _documents;

    /// <summary>The role by ARN or name, or null.</summary>
    public IamRole? Role(string roleArnOrName) => _roles.GetValueOrDefault(roleArnOrName);

    /// <summary>All policies governing the role (parsed, cached); null when the role is not in the state.</summary>
    public PrincipalPolicies? PoliciesOf(string roleArnOrName)
    {
        var role = Role(roleArnOrName);
        return role is null ? null : _principals.GetOrAdd(role.Arn, _ => Gather(role));
    }

    /// <summary>The role's trust policy (named after the role, cited by its ARN); the parse error when
    /// it does not parse; null when the role is unknown or the state has no trust document for it.</summary>
    public ParseResult<NamedPolicy>? TrustPolicyOf(string roleArnOrName)
    {
        var role = Role(roleArnOrName);
        if (role?.AssumeRolePolicy is not { } text) return null;
        var parsed = _documents.Get(text, $"{role.Arn} trust policy");
        return parsed.IsOk
            ? ParseResult<NamedPolicy>.Ok(NamedPolicy.Of($"trust policy of {role.Name}", parsed.Value, role.Arn))
            : ParseResult<NamedPolicy>.Fail(parsed.Error);
    }

    /// <summary>Evaluates one request for the role. A role not in the state gives Unknown.</summary>
    public EvaluationResult Evaluate(string roleArnOrName, RequestContext request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var principal = PoliciesOf(roleArnOrName);
        if (principal is null)
            return new EvaluationResult { Decision = Decision.Unknown, Reason = $"role {roleArnOrName} is not in the AWS state" };
        var contextFree = request.Keys.IsEmpty && request.UnknownKeys.IsEmpty && request.AbsentKeys.IsEmpty && !request.UnlistedKeysAreAbsent;
        if (!contextFree) return IdentityPolicyEvaluator.Evaluate(principal, request);
        return _answers.GetOrAdd((roleArnOrName, request.Action, request.Resource),
            static (_, args) => IdentityPolicyEvaluator.Evaluate(args.principal, args.request), (principal, request));
    }

    /// <summary>"Does the role allow each of these actions on this resource?" One answer per action, in order.</summary>
    public ImmutableArray<ActionAnswer> Allows(string roleArnOrName, IEnumerable<string> actions, string? resource = "*")
    {
        ArgumentNullException.ThrowIfNull(actions);
        var answers = ImmutableArray.CreateBuilder<ActionAnswer>();
        foreach (var action in actions)
            answers.Add(new ActionAnswer(action, Evaluate(roleArnOrName, new RequestContext { Action = action, Resource = resource })));
        return answers.ToImmutable();
    }

    private PrincipalPolicies Gather(IamRole role)
    {
        var identity = ImmutableArray.CreateBuilder<NamedPolicy>();
        var missing = ImmutableArray.CreateBuilder<string>();
        foreach (var (name, text) in role.InlinePolicies.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var parsed = _documents.Get(text, $"{role.Arn} inline policy {name}");
            if (parsed.IsOk) identity.Add(NamedPolicy.Of(name, parsed.Value));
            else missing.Add($"inline policy {name} does not parse ({parsed.Error})");
        }
        foreach (var arn in role.AttachedManagedPolicyArns)
        {
            var policy = Managed(arn, out var why);
            if (policy is not null) identity.Add(policy);
            else missing.Add(why!);
        }
        NamedPolicy? boundary = null;
        var boundaryMissing = false;
        if (role.PermissionsBoundaryArn is { } boundaryArn)
        {
            boundary = Managed(boundaryArn, out var why);
            boundaryMissing = boundary is null;
        }
        return new PrincipalPolicies
        {
            Identity = identity.ToImmutable(),
            PermissionsBoundary = boundary,
            BoundaryMissing = boundaryMissing,
            Guardrails = _guardrails,
            Missing = missing.ToImmutable(),
        };
    }

    private NamedPolicy? Managed(string arn, out string? why)
    {
        why = null;
        if (!_policies.TryGetValue(arn, out var policy) || policy.Document is null)
        {
            why = $"managed policy {arn} is attached but its document is not in the AWS state";
            return null;
        }
        var parsed = _documents.Get(policy.Document, arn);
        if (!parsed.IsOk)
        {
            why = $"managed policy {arn} does not parse ({parsed.Error})";
            return null;
        }
        return NamedPolicy.Of(policy.Name, parsed.Value, arn);
    }
}
