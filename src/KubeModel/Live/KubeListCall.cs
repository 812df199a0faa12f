using System.Text.Json.Nodes;

namespace Kalc.Iac.KubeModel.Live;

/// <summary>One resource list to read: its kubectl name, the file it is written to, the apiVersion/kind its
/// items carry in <c>kubectl get -o json</c>, and how to fetch one page (limit, continue) as JSON.</summary>
public sealed record KubeListCall(
    string Call,
    string FileName,
    string ApiVersion,
    string Kind,
    string Unknown,
    Func<int, string?, CancellationToken, Task<KubeListPage>> FetchPage)
{
    /// <summary>True for a resource an optional controller defines (karpenter's CRDs): a 404 means it is not installed, an empty list.</summary>
    public bool AbsentIsEmpty { get; init; }
}

/// <summary>One page of a list: its items (as the API serves them) and the continue token, null on the last.</summary>
public sealed record KubeListPage(IReadOnlyList<JsonNode> Items, string? Continue);
