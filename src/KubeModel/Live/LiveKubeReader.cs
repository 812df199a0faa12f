using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using Kalc.Iac.Core.Live;

namespace Kalc.Iac.KubeModel.Live;

/// <summary>Reads the cluster live into <c>kubectl get -o json</c> List documents (items carry apiVersion and
/// kind, as kubectl prints them). Lists run in parallel, bounded; pages are followed with limit/continue; a
/// list that fails (403, 410 expired continue token, timeout, bad body) is left out whole and named.</summary>
public static class LiveKubeReader
{
    /// <summary>Resolves the kubeconfig (in-cluster, KUBECONFIG, ~/.kube/config) and reads.</summary>
    public static async Task<LiveReadResult> ReadAsync(LiveKubeOptions options, IProgress<ReadProgress>? progress, CancellationToken ct)
    {
        KubernetesClientConfiguration config;
        try
        {
            var file = KubeconfigFile(options.KubeconfigPath);
            config = file is null && options.Context is null && KubernetesClientConfiguration.IsInCluster()
                ? KubernetesClientConfiguration.InClusterConfig()
                : KubernetesClientConfiguration.BuildConfigFromConfigFile(file, options.Context);
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException)
        {
            return new LiveReadResult { Failures = [new ReadFailure("kubeconfig", "NoKubeconfig", e.Message, "all Kubernetes state")] };
        }
        config.HttpClientTimeout = options.CallTimeout;
        using var client = new Kubernetes(config);
        var result = await ReadAsync(KubeListCalls.For(client), options, progress, ct).ConfigureAwait(false);
        return result with { Account = options.Context ?? config.CurrentContext, Region = config.Host };
    }

    /// <summary>The kubeconfig file: the one given, else the first existing file KUBECONFIG lists (kubectl merges a
    /// list, https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/; kalc-iac reads the
    /// first, where kubectl also takes current-context from), else null for ~/.kube/config or in-cluster. The client
    /// library's file loader does not look at KUBECONFIG itself.</summary>
    private static string? KubeconfigFile(string? given)
    {
        if (given is not null) return given;
        var listed = Environment.GetEnvironmentVariable("KUBECONFIG");
        if (string.IsNullOrWhiteSpace(listed)) return null;
        return listed.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(File.Exists);
    }

    /// <summary>Reads the given lists (tests pass fakes; the default set is <see cref="KubeListCalls.For"/>).</summary>
    public static async Task<LiveReadResult> ReadAsync(IReadOnlyList<KubeListCall> calls, LiveKubeOptions options, IProgress<ReadProgress>? progress, CancellationToken ct)
    {
        var documents = new ConcurrentBag<StateDocument>();
        var failures = new ConcurrentBag<ReadFailure>();
        using var gate = new SemaphoreSlim(Math.Max(1, options.MaxConcurrency));
        await Task.WhenAll(calls.Select(async call =>
        {
            await gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                var (doc, failure) = await ReadListAsync(call, options, progress, ct).ConfigureAwait(false);
                if (doc is not null) documents.Add(doc);
                if (failure is not null) failures.Add(failure);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        return new LiveReadResult
        {
            Documents = [.. documents.OrderBy(d => d.FileName, StringComparer.Ordinal)],
            Failures = [.. failures.OrderBy(f => f.Call, StringComparer.Ordinal)],
        };
    }

    private static async Task<(StateDocument?, ReadFailure?)> ReadListAsync(KubeListCall call, LiveKubeOptions options, IProgress<ReadProgress>? progress, CancellationToken ct)
    {
        progress?.Report(new ReadProgress { Call = call.Call, Stage = ReadProgressStage.Started });
        var items = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pages = 0;
        string? token = null;
        try
        {
            do
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(options.CallTimeout);
                var page = await call.FetchPage(Math.Max(1, options.PageSize), token, timeout.Token).ConfigureAwait(false);
                pages++;
                foreach (var item in page.Items)
                {
                    if (item is JsonObject obj) items.Add((JsonNode)WithTypeMeta(obj, call));
                }
                progress?.Report(new ReadProgress { Call = call.Call, Pages = pages, Items = items.Count, Stage = ReadProgressStage.Page });
                token = page.Continue;
                if (token is not null && !seen.Add(token))
                    return Failed(call, "PageLoop", "the continue token repeats; the chain loops", pages, items.Count, progress);
            }
            while (token is not null);
        }
        catch (HttpOperationException e) when (call.AbsentIsEmpty && e.Response?.StatusCode == HttpStatusCode.NotFound && pages == 0)
        {
            // The resource is not served (its CRD is not installed): nothing of the kind exists.
        }
        catch (HttpOperationException e)
        {
            var status = e.Response?.StatusCode;
            var code = status switch
            {
                HttpStatusCode.Forbidden => "Forbidden",
                HttpStatusCode.Unauthorized => "Unauthorized",
                HttpStatusCode.Gone => "Expired",
                null => "HttpError",
                _ => "Http" + (int)status.Value,
            };
            return Failed(call, code, FirstLine(e.Response?.Content) ?? e.Message, pages, items.Count, progress);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Failed(call, "Timeout", $"no reply within {options.CallTimeout.TotalSeconds:0.###} s", pages, items.Count, progress);
        }
        catch (HttpRequestException e)
        {
            return Failed(call, "NetworkError", e.Message, pages, items.Count, progress);
        }
        catch (JsonException e)
        {
            return Failed(call, "MalformedResponse", "reply is not the expected JSON: " + e.Message, pages, items.Count, progress);
        }
        var list = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["items"] = items,
            ["kind"] = "List",
            ["metadata"] = new JsonObject { ["resourceVersion"] = "" },
        };
        progress?.Report(new ReadProgress { Call = call.Call, Pages = pages, Items = items.Count, Stage = ReadProgressStage.Done });
        return (StateJson.Document(call.FileName, list), null);
    }

    /// <summary>The API server leaves apiVersion/kind off list items; kubectl puts them back, and so do we.</summary>
    private static JsonObject WithTypeMeta(JsonObject item, KubeListCall call)
    {
        var typed = new JsonObject { ["apiVersion"] = call.ApiVersion, ["kind"] = call.Kind };
        foreach (var (key, value) in item.ToList())
        {
            if (key is "apiVersion" or "kind") continue;
            item.Remove(key);
            typed[key] = value;
        }
        return typed;
    }

    private static (StateDocument?, ReadFailure?) Failed(KubeListCall call, string code, string message, int pages, int items, IProgress<ReadProgress>? progress)
    {
        progress?.Report(new ReadProgress { Call = call.Call, Pages = pages, Items = items, Stage = ReadProgressStage.Failed });
        var where = pages > 0 ? $" (after {pages} page(s), {items} item(s) read and discarded)" : "";
        return (null, new ReadFailure(call.Call, code, message + where, call.Unknown));
    }

    private static string? FirstLine(string? content)
    {
        if (string.IsNullOrWhiteSpace(content)) return null;
        try
        {
            if (JsonNode.Parse(content) is JsonObject status && status["message"] is JsonValue m && m.TryGetValue<string>(out var text)) return text;
        }
        catch (JsonException)
        {
            // not a Status object; fall back to the raw text
        }
        var line = content.Split('\n', 2)[0].Trim();
        return line.Length > 200 ? line[..200] : line;
    }
}
