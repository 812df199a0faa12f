namespace Kalc.Iac.PlanParser.Model;

/// <summary>How a replacement happens. JSON: ["delete","create"] vs ["create","delete"];
/// text: "-/+" vs "+/-".</summary>
public enum ReplaceOrder
{
    NotReplace,
    DeleteBeforeCreate,
    CreateBeforeDestroy,
}
