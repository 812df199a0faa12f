using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.KubeModel.Model;

/// <summary>One webhook of a MutatingWebhookConfiguration or ValidatingWebhookConfiguration: the API server calls it
/// for the requests its rules match (https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/).</summary>
public sealed record AdmissionWebhook
{
    /// <summary>MutatingWebhookConfiguration or ValidatingWebhookConfiguration.</summary>
    public required string ConfigurationKind { get; init; }

    public required string ConfigurationName { get; init; }

    public required string Name { get; init; }

    /// <summary>Fail or Ignore. admissionregistration.k8s.io/v1 defaults to Fail, v1beta1 defaulted to Ignore.</summary>
    public required string FailurePolicy { get; init; }

    /// <summary>clientConfig.service, null when the webhook is called by URL.</summary>
    public ServiceReference? Service { get; init; }

    /// <summary>clientConfig.url.</summary>
    public string? Url { get; init; }

    public ImmutableArray<WebhookRule> Rules { get; init; } = [];

    public bool HasNamespaceSelector { get; init; }

    public bool HasObjectSelector { get; init; }

    public int? TimeoutSeconds { get; init; }

    public required SourceRef Source { get; init; }

    public bool FailsClosed => FailurePolicy == "Fail";

    /// <summary>What the webhook intercepts, e.g. "CREATE,UPDATE pods" or "* */*".</summary>
    public string Intercepts => Rules.IsEmpty ? "no requests" : string.Join("; ", Rules.Select(r => r.ToString()));
}

/// <summary>clientConfig.service of a webhook, or spec.service of an APIService; port defaults to 443.</summary>
public sealed record ServiceReference(string Namespace, string Name, int Port, string? Path)
{
    public string Key => $"{Namespace}/{Name}";
}

/// <summary>One rules entry of a webhook: operations on resources of API groups and versions.</summary>
public sealed record WebhookRule(ImmutableArray<string> Operations, ImmutableArray<string> ApiGroups, ImmutableArray<string> Resources)
{
    public override string ToString() =>
        $"{string.Join(",", Operations)} {string.Join(",", Resources.Select(r => ApiGroups.IsEmpty || ApiGroups is [""] ? r : $"{string.Join("|", ApiGroups)}/{r}"))}";
}
