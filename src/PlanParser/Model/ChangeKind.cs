namespace Kalc.Iac.PlanParser.Model;

/// <summary>The one bucket a resource change counts in (<c>changes.byAction</c> of the report):
/// a replacement counts once, as Replace, whichever its order.</summary>
public enum ChangeKind
{
    NoOp,
    Create,
    Read,
    Update,
    Delete,
    Replace,
    Forget,
}
