using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.KubeModel.Readers;

/// <summary>Mutating/ValidatingWebhookConfigurations (each webhook with its clientConfig, failurePolicy, rules and
/// selectors) and APIServices (spec.service). Defaults as the API server applies them: failurePolicy Fail in
/// admissionregistration.k8s.io/v1 (Ignore in v1beta1), service port 443
/// (https://kubernetes.io/docs/reference/kubernetes-api/extend-resources/mutating-webhook-configuration-v1/).</summary>
internal static class AdmissionReader
{
    public static IEnumerable<AdmissionWebhook> ReadWebhooks(JsonElement obj, ObjectMeta meta, SourceRef source)
    {
        var v1beta1 = obj.Str("apiVersion")?.EndsWith("/v1beta1", StringComparison.Ordinal) == true;
        var i = 0;
        foreach (var w in obj.Arr("webhooks"))
        {
            var path = source.Path is null ? $"webhooks[{i}]" : $"{source.Path}.webhooks[{i}]";
            i++;
            var client = w.Obj("clientConfig") ?? default;
            yield return new AdmissionWebhook
            {
                ConfigurationKind = meta.Kind,
                ConfigurationName = meta.Name,
                Name = w.Str("name") ?? $"webhooks[{i - 1}]",
                FailurePolicy = w.Str("failurePolicy") ?? (v1beta1 ? "Ignore" : "Fail"),
                Service = client.ValueKind == JsonValueKind.Object ? ReadServiceRef(client.Obj("service")) : null,
                Url = client.ValueKind == JsonValueKind.Object ? client.Str("url") : null,
                Rules = [.. w.Arr("rules").Select(r => new WebhookRule(r.Strings("operations"), r.Strings("apiGroups"), r.Strings("resources")))],
                HasNamespaceSelector = w.Obj("namespaceSelector") is { } ns && ns.EnumerateObject().Any(),
                HasObjectSelector = w.Obj("objectSelector") is { } os && os.EnumerateObject().Any(),
                TimeoutSeconds = w.Long("timeoutSeconds") is { } t ? (int)t : null,
                Source = source with { Path = path },
            };
        }
    }

    public static ApiService ReadApiService(JsonElement obj, ObjectMeta meta, SourceRef source)
    {
        var spec = obj.Obj("spec") ?? default;
        return new ApiService
        {
            Name = meta.Name,
            Group = spec.ValueKind == JsonValueKind.Object ? spec.Str("group") : null,
            Version = spec.ValueKind == JsonValueKind.Object ? spec.Str("version") : null,
            Service = spec.ValueKind == JsonValueKind.Object ? ReadServiceRef(spec.Obj("service")) : null,
            Source = source,
        };
    }

    private static ServiceReference? ReadServiceRef(JsonElement? service) =>
        service is { } s && s.Str("name") is { Length: > 0 } name
            ? new ServiceReference(s.Str("namespace") ?? "default", name, s.Long("port") is { } p and > 0 and <= 65535 ? (int)p : 443, s.Str("path"))
            : null;

    public static ImmutableArray<string> Kinds { get; } = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"];
}
