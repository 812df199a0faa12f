namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>What a text plan cannot tell that <c>terraform show -json</c> would (listed on every text Change).</summary>
internal static class TextPlanLimitations
{
    public static readonly string[] All =
    [
        "text plan: resources without changes (no-op) are not listed",
        "text plan: unchanged attributes, blocks and elements are hidden, so before/after values are partial",
        "text plan: provider names are not shown",
        "text plan: action reasons are only known where the wording states them (some versions print none)",
        "text plan: the Terraform version and plan format version are not shown",
        "text plan: sensitive values are shown only as (sensitive value)",
    ];

    public const string Legacy = "text plan: Terraform 0.11 format, attribute values are flat (key.subkey) and unchanged attributes are omitted";

    public const string MultiplePlans = "text plan: several plans in one input; addresses carry the project as a \"[project] \" prefix";
}
