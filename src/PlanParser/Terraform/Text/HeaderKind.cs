namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>What a <c># ADDRESS ...</c> header line announces.</summary>
internal enum HeaderKind
{
    Create,
    Destroy,
    Update,
    Replace,
    /// <summary>Terraform 1.14's create-then-forget (<c>lifecycle { destroy = false }</c>), actions create, forget.</summary>
    ReplaceForget,
    Read,
    Moved,
    Forget,
    Import,
    DriftChanged,
    DriftDeleted,
}
