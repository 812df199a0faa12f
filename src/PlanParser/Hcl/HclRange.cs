namespace Kalc.Iac.PlanParser.Hcl;

/// <summary>A span of an HCL file as character offsets [Start, End); <see cref="HclSourceText.Position"/> gives line:column.</summary>
public readonly record struct HclRange(int Start, int End)
{
    public static HclRange Between(HclRange first, HclRange last) => new(first.Start, last.End);
}
