namespace Kalc.Iac.PlanParser.Detection;

/// <summary>What an input holds, as told from its content (never from its name).</summary>
public enum PlanFormat
{
    /// <summary>Nothing but whitespace.</summary>
    Empty,

    /// <summary><c>terraform show -json PLAN</c> / <c>tofu show -json PLAN</c> output.</summary>
    TerraformJson,

    /// <summary><c>pulumi preview --json</c> output.</summary>
    PulumiPreview,

    /// <summary>Pulumi engine events, one JSON object per line (<c>pulumi up --json</c>, <c>--event-log</c>, streaming preview JSON).</summary>
    PulumiEvents,

    /// <summary>The human-readable <c>terraform plan</c> / <c>terraform show</c> output (or any other text).</summary>
    TerraformText,

    /// <summary>A saved binary plan (<c>terraform plan -out tfplan</c>): a zip archive.</summary>
    BinaryPlan,

    /// <summary><c>terraform show -json</c> of a state, not a plan.</summary>
    TerraformState,

    /// <summary>JSON that is none of the above.</summary>
    UnknownJson,

    /// <summary>Binary content that is not a plan archive.</summary>
    Binary,
}
