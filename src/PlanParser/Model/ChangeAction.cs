namespace Kalc.Iac.PlanParser.Model;

/// <summary>The actions Terraform's JSON plan uses in <c>change.actions</c>
/// (https://developer.hashicorp.com/terraform/internals/json-format#change-representation).</summary>
public enum ChangeAction
{
    NoOp,
    Create,
    Read,
    Update,
    Delete,
    Forget,
}
