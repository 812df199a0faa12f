using System.Collections.Immutable;

namespace Kalc.Iac.PlanParser.Model;

public static class ChangeKinds
{
    public static ChangeKind Of(ImmutableArray<ChangeAction> actions)
    {
        if (actions.Length == 2 && actions.Contains(ChangeAction.Create) && actions.Contains(ChangeAction.Delete))
            return ChangeKind.Replace;
        if (actions.Length == 0) return ChangeKind.NoOp;
        return actions[0] switch
        {
            ChangeAction.Create => ChangeKind.Create,
            ChangeAction.Read => ChangeKind.Read,
            ChangeAction.Update => ChangeKind.Update,
            ChangeAction.Delete => ChangeKind.Delete,
            ChangeAction.Forget => ChangeKind.Forget,
            _ => ChangeKind.NoOp,
        };
    }

    public static string ToWire(this ChangeKind kind) => kind switch
    {
        ChangeKind.NoOp => "no-op",
        ChangeKind.Create => "create",
        ChangeKind.Read => "read",
        ChangeKind.Update => "update",
        ChangeKind.Delete => "delete",
        ChangeKind.Replace => "replace",
        ChangeKind.Forget => "forget",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string ToWire(this ChangeAction action) => action switch
    {
        ChangeAction.NoOp => "no-op",
        ChangeAction.Create => "create",
        ChangeAction.Read => "read",
        ChangeAction.Update => "update",
        ChangeAction.Delete => "delete",
        ChangeAction.Forget => "forget",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
