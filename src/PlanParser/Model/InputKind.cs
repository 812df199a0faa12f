namespace Kalc.Iac.PlanParser.Model;

/// <summary>Which reader produced a <see cref="Change"/>; rendered as <c>input.kind</c>.</summary>
public enum InputKind
{
    TerraformJson,
    TerraformText,
    PulumiPreview,
    Kubespray,

    /// <summary>A Pulumi stack before and after an update, as a policy pack sees it (kalc-iac pulumi-analyzer).</summary>
    PulumiStack,
}

public static class InputKindNames
{
    public static string ToWire(this InputKind kind) => kind switch
    {
        InputKind.TerraformJson => "terraform-json",
        InputKind.TerraformText => "terraform-text",
        InputKind.PulumiPreview => "pulumi-preview",
        InputKind.Kubespray => "kubespray",
        InputKind.PulumiStack => "pulumi-stack",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
