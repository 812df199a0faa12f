namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>What a <c># ADDRESS ...</c> header line announces.</summary>
internal enum HeaderKind
{
    Create,
    Destroy,
    Update,
    Replace,
    Read,
    Moved,
    Forget,
    Import,
    DriftChanged,
    DriftDeleted,
}
