using System.Text;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Tests;

/// <summary>Every string a Change holds, flattened, so a test can prove a secret is in none of them.</summary>
internal static class ModelText
{
    public static string Of(Change change)
    {
        var sb = new StringBuilder();
        sb.AppendLine(change.File).AppendLine(change.FormatVersion).AppendLine(change.Producer);
        foreach (var l in change.Limitations) sb.AppendLine(l);
        foreach (var rc in change.ResourceChanges) Append(sb, rc);
        foreach (var rc in change.Drift) Append(sb, rc);
        return sb.ToString();
    }

    public static IEnumerable<PlanValue> Leaves(PlanValue value)
    {
        switch (value)
        {
            case PlanObject o:
                foreach (var v in o.Properties.Values)
                    foreach (var leaf in Leaves(v)) yield return leaf;
                break;
            case PlanList l:
                foreach (var v in l.Items)
                    foreach (var leaf in Leaves(v)) yield return leaf;
                break;
            default:
                yield return value;
                break;
        }
    }

    private static void Append(StringBuilder sb, ResourceChange rc)
    {
        sb.AppendLine(rc.Address).AppendLine(rc.PreviousAddress).AppendLine(rc.ModuleAddress).AppendLine(rc.Type)
          .AppendLine(rc.Name).AppendLine(rc.Index).AppendLine(rc.ProviderName).AppendLine(rc.ActionReason)
          .AppendLine(rc.Deposed).AppendLine(rc.Source.ToString());
        foreach (var p in rc.ReplacePaths) sb.AppendLine(p);
        AppendValue(sb, rc.Before);
        AppendValue(sb, rc.After);
    }

    private static void AppendValue(StringBuilder sb, PlanValue value)
    {
        switch (value)
        {
            case PlanObject o:
                foreach (var (k, v) in o.Properties)
                {
                    sb.AppendLine(k);
                    AppendValue(sb, v);
                }
                break;
            case PlanList l:
                foreach (var v in l.Items) AppendValue(sb, v);
                break;
            default:
                sb.AppendLine(value.ToString());
                break;
        }
    }
}
