using System.Collections.Immutable;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Source.Values;

/// <summary>An attribute of a text plan's change that the plan did not show (hidden as unchanged, or known after apply)
/// and that the configuration gives: its value, where the configuration sets it, and the variable values it came from.</summary>
public sealed record FilledValue(string Address, string Attribute, PlanValue Value, SourceSite Site, string Expression, ImmutableArray<ValueOrigin> Origins)
{
    /// <summary>"role = "prod-eu-node" (main.tf:14 role = aws_iam_role.node.name; var.cluster_name from terraform.tfvars:1)".</summary>
    public string Describe(bool withOrigins = true)
    {
        var from = !withOrigins || Origins.IsEmpty ? "" : "; " + string.Join(", ", Origins);
        return $"{Attribute} = {Show(Value)} ({Site.File}:{Site.Line} {Expression}{from})";
    }

    private static string Show(PlanValue v) => v switch
    {
        PlanString s => System.Text.Json.JsonSerializer.Serialize(s.Value, KeyJson.Default.String),
        PlanList l => "[" + string.Join(", ", l.Items.Select(Show)) + "]",
        _ => v.ToString() ?? "",
    };
}
