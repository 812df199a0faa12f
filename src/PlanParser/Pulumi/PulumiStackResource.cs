using System.Text.Json;

namespace Kalc.Iac.PlanParser.Pulumi;

/// <summary>One resource of a Pulumi stack: its URN, type token and its state object in the shape of
/// <c>apitype.ResourceV3</c> (<c>urn</c>, <c>custom</c>, <c>id</c>, <c>type</c>, <c>inputs</c>, <c>outputs</c>, <c>parent</c>),
/// the shape <c>pulumi stack export</c> prints and preview steps carry as <c>oldState</c>/<c>newState</c>
/// (https://github.com/pulumi/pulumi/blob/master/sdk/go/common/apitype/core.go).</summary>
public sealed record PulumiStackResource(string Urn, string Type, JsonElement State)
{
    /// <summary>Pulumi deletes this resource before creating its replacement (the <c>deleteBeforeReplace</c> option).</summary>
    public bool DeleteBeforeReplace { get; init; }
}
