namespace Kalc.Iac.PlanParser.Pulumi;

/// <summary>A resource URN, <c>urn:pulumi:STACK::PROJECT::PARENT$TYPE::NAME</c>
/// (https://www.pulumi.com/docs/iac/concepts/resources/names/#urns).</summary>
internal readonly record struct PulumiUrn(string Type, string Name, string? ParentTypes)
{
    public static PulumiUrn? Parse(string urn)
    {
        if (!urn.StartsWith("urn:pulumi:", StringComparison.Ordinal)) return null;
        var parts = urn.Split("::");
        if (parts.Length < 4) return null;
        var qualified = parts[2];
        var name = string.Join("::", parts[3..]);
        var dollar = qualified.LastIndexOf('$');
        return dollar < 0
            ? new PulumiUrn(qualified, name, null)
            : new PulumiUrn(qualified[(dollar + 1)..], name, qualified[..dollar]);
    }
}
