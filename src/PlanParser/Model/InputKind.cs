namespace Kalc.Iac.PlanParser.Model;

/// <summary>Which reader produced a <see cref="Change"/>; rendered as <c>input.kind</c>.</summary>
public enum InputKind
{
    TerraformJson,
    TerraformText,
    PulumiPreview,
    Kubespray,
}

public static class InputKindNames
{
    public static string ToWire(this InputKind kind) => kind switch
    {
        InputKind.TerraformJson => "terraform-json",
        InputKind.TerraformText => "terraform-text",
        InputKind.PulumiPreview => "pulumi-preview",
        InputKind.Kubespray => "kubespray",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
