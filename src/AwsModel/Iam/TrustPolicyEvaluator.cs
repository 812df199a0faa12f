using System.Collections.Immutable;

namespace Kalc.Iac.AwsModel.Iam;

/// <summary>Can a principal assume a role, by the role's trust policy? A statement applies when its
/// Principal names the caller, its Action the STS action, and its conditions hold; Deny wins.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html and
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html</summary>
public static class TrustPolicyEvaluator
{
    public const string AssumeRole = "sts:AssumeRole";
    public const string AssumeRoleWithWebIdentity = "sts:AssumeRoleWithWebIdentity";
    public const string TagSession = "sts:TagSession";

    /// <summary>The general question: may <paramref name="principal"/> perform <c>request.Action</c>
    /// on the role whose trust policy is <paramref name="trust"/>?</summary>
    public static EvaluationResult Evaluate(NamedPolicy trust, TrustPrincipal principal, RequestContext request)
    {
        ArgumentNullException.ThrowIfNull(trust);
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(request);
        var outcome = PolicySetOutcome.Of([trust], request, checkResource: false, principal);
        var (denies, maybeDenies, allows, maybeAllows) = (outcome.Denies, outcome.MaybeDenies, outcome.Allows, outcome.MaybeAllows);
        var what = $"{principal.Type} principal {principal.Id} calling {request.Action}";
        if (denies.Count > 0) return Result(Decision.ExplicitDeny, $"the trust policy denies {what}", denies);
        if (allows.Count == 0 && maybeAllows.Count == 0) return Result(Decision.ImplicitDeny, $"the trust policy does not allow {what}", []);
        if (maybeDenies.Count > 0) return Result(Decision.Unknown, $"a Deny statement may apply to {what}: {maybeDenies[0].UnknownBecause}", maybeDenies);
        if (allows.Count == 0) return Result(Decision.Unknown, $"whether the trust policy allows {what} is unknown: {maybeAllows[0].UnknownBecause}", maybeAllows);
        return Result(Decision.Allow, $"the trust policy allows {what}", allows);
    }

    /// <summary>Can EC2 (an instance profile) assume the role: sts:AssumeRole by ec2.amazonaws.com.</summary>
    public static EvaluationResult CanEc2Assume(NamedPolicy trust, RequestContext? context = null) =>
        Evaluate(trust, TrustPrincipal.Service(TrustPrincipal.Ec2Service), (context ?? RequestContext.For(AssumeRole)) with { Action = AssumeRole });

    /// <summary>Can a service account's IRSA token assume the role (sts:AssumeRoleWithWebIdentity
    /// from the cluster's OIDC provider, with ISSUER:sub, ISSUER:aud and aws:FederatedProvider set)?</summary>
    public static EvaluationResult CanAssumeWithWebIdentity(NamedPolicy trust, WebIdentityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = RequestContext.For(AssumeRoleWithWebIdentity)
            .With(request.Issuer + ":sub", request.Subject)
            .With(request.Issuer + ":aud", request.Audience)
            .With("aws:FederatedProvider", request.ProviderArn);
        return Evaluate(trust, TrustPrincipal.Federated(request.ProviderArn), context);
    }

    /// <summary>Can EKS Pod Identity assume the role for a service account: pods.eks.amazonaws.com must
    /// be allowed both sts:AssumeRole and sts:TagSession (the latter with the session tags it sends).</summary>
    public static EvaluationResult CanPodIdentityAssume(NamedPolicy trust, PodIdentityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = RequestContext.For(AssumeRole);
        if (request.SessionTagsDisabled)
        {
            foreach (var tag in PodIdentityTags) context = context.WithAbsent("aws:RequestTag/" + tag);
            context = context.WithAbsent("aws:TagKeys");
        }
        else
        {
            context = (request.ClusterArn is { } clusterArn
                    ? context.With("aws:RequestTag/eks-cluster-arn", clusterArn)
                    : context.WithUnknown("aws:RequestTag/eks-cluster-arn"))
                .With("aws:RequestTag/eks-cluster-name", request.ClusterName)
                .With("aws:RequestTag/kubernetes-namespace", request.Namespace)
                .With("aws:RequestTag/kubernetes-service-account", request.ServiceAccount)
                .With("aws:TagKeys", [.. PodIdentityTags]);
        }
        if (request.SourceAccount is { } account) context = context.With("aws:SourceAccount", account);
        if (request.SourceArn is { } arn) context = context.With("aws:SourceArn", arn);
        var principal = TrustPrincipal.Service(TrustPrincipal.PodIdentityService);
        var assume = Evaluate(trust, principal, context);
        var tagSession = Evaluate(trust, principal, context with { Action = TagSession });
        return Combine(assume, tagSession);
    }

    /// <summary>The six session tags EKS Pod Identity adds (pod name and uid differ per pod, so their
    /// values stay unknown here). https://docs.aws.amazon.com/eks/latest/userguide/pod-id-abac.html</summary>
    public static readonly ImmutableArray<string> PodIdentityTags =
        ["eks-cluster-arn", "eks-cluster-name", "kubernetes-namespace", "kubernetes-service-account", "kubernetes-pod-name", "kubernetes-pod-uid"];

    /// <summary>Both answers must be Allow: the worse one decides (ExplicitDeny, ImplicitDeny, Unknown).</summary>
    public static EvaluationResult Combine(EvaluationResult a, EvaluationResult b)
    {
        static int Rank(Decision d) => d switch { Decision.ExplicitDeny => 0, Decision.ImplicitDeny => 1, Decision.Unknown => 2, _ => 3 };
        if (a.IsAllowed && b.IsAllowed)
            return a with { Reason = a.Reason + "; " + b.Reason, Statements = a.Statements.AddRange(b.Statements).Distinct().ToImmutableArray() };
        return Rank(a.Decision) <= Rank(b.Decision) ? a : b;
    }

    private static EvaluationResult Result(Decision d, string reason, IEnumerable<StatementRef> statements) =>
        new() { Decision = d, Reason = reason, Statements = [.. statements] };
}
