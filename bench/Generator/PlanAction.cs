namespace Kalc.Iac.Bench.Generator;

/// <summary>What the plan does to one resource; replacements in both orders, as Terraform writes them.</summary>
internal enum PlanAction
{
    NoOp,
    Create,
    Update,
    Delete,
    ReplaceDeleteFirst,
    ReplaceCreateFirst,
    Forget,
}

internal static class PlanActions
{
    public static string[] Wire(this PlanAction action) => action switch
    {
        PlanAction.NoOp => ["no-op"],
        PlanAction.Create => ["create"],
        PlanAction.Update => ["update"],
        PlanAction.Delete => ["delete"],
        PlanAction.ReplaceDeleteFirst => ["delete", "create"],
        PlanAction.ReplaceCreateFirst => ["create", "delete"],
        PlanAction.Forget => ["forget"],
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>From a number in [0, 1000): 50% no-op, 22% update, 15% create, 5% delete, 7.9% replace, 0.1% forget.</summary>
    public static PlanAction FromPermille(int p) => p switch
    {
        < 500 => PlanAction.NoOp,
        < 720 => PlanAction.Update,
        < 870 => PlanAction.Create,
        < 920 => PlanAction.Delete,
        < 960 => PlanAction.ReplaceDeleteFirst,
        < 999 => PlanAction.ReplaceCreateFirst,
        _ => PlanAction.Forget,
    };

    /// <summary>The after side is a new object whose computed attributes (id, arn) are unknown until apply.</summary>
    public static bool CreatesNew(this PlanAction a) => a is PlanAction.Create or PlanAction.ReplaceCreateFirst or PlanAction.ReplaceDeleteFirst;

    public static bool HasBefore(this PlanAction a) => a is not PlanAction.Create;

    public static bool HasAfter(this PlanAction a) => a is not (PlanAction.Delete or PlanAction.Forget);

    public static bool ExistsBefore(this PlanAction a) => a is not PlanAction.Create;
}
