using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Model;

/// <summary>What was read as the change: <c>input</c> of the report.</summary>
/// <param name="Kind">Wire string: "terraform-json", "terraform-text", "pulumi-preview", "kubespray" or "pulumi-stack".</param>
/// <param name="FormatVersion">Plan JSON format_version, or null when the format has none.</param>
/// <param name="Producer">"terraform 1.9.5" and the like, or null when the input does not say.</param>
public sealed record InputInfo(string Kind, string? FormatVersion, string? Producer)
{
    public static InputInfo Of(Change change) => new(change.Kind.ToWire(), change.FormatVersion, change.Producer);
}
