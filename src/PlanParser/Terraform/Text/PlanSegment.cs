using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>One plan inside the input (an input may hold several: terragrunt run-all, Atlantis projects),
/// filled line by line by <see cref="SegmentReader"/>.</summary>
internal sealed class PlanSegment
{
    public List<ResourceChange> Changes { get; } = [];

    public List<ResourceChange> Drift { get; } = [];

    public PlanSummary? Summary { get; set; }

    public int SummaryLine { get; set; }

    public bool NoChangesLine { get; set; }

    /// <summary>Line of the last resource read, for "no summary after it" errors.</summary>
    public int LastResourceLine { get; set; }

    /// <summary>Terraform said it was a refresh-only plan, or the plan failed: no summary follows.</summary>
    public bool EndsWithoutSummary { get; set; }

    public string? Failure { get; set; }

    public bool SawPlanText { get; set; }

    /// <summary>Resources were printed in Terraform 0.11's flat style.</summary>
    public bool LegacyFormat { get; set; }

    public bool Closed => Summary is not null;

    public bool IsEmpty => !SawPlanText && Changes.Count == 0 && Drift.Count == 0 && Summary is null;

    /// <summary>Counts the way Terraform's summary line does: a replacement is one add and one destroy,
    /// reads and moves count nothing.</summary>
    public PlanSummary Counted()
    {
        int add = 0, change = 0, destroy = 0, import = 0, forget = 0;
        foreach (var c in Changes)
        {
            if (c.Importing) import++;
            switch (c.Kind)
            {
                case ChangeKind.Create: add++; break;
                case ChangeKind.Update: change++; break;
                case ChangeKind.Delete: destroy++; break;
                case ChangeKind.Replace: add++; destroy++; break;
                case ChangeKind.Forget: forget++; break;
            }
        }
        return new PlanSummary(add, change, destroy, import, forget);
    }
}
