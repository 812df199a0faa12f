using System.Text.Json.Nodes;

namespace Kalc.Iac.AwsModel.Live;

/// <summary>One page of a paged AWS call in aws-cli's JSON shape, and the token for the next page (null on the last).</summary>
public sealed record AwsPage(JsonObject Body, string? NextToken);
