using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Json;

/// <summary>Reads <c>change.actions</c> (https://developer.hashicorp.com/terraform/internals/json-format#change-representation).</summary>
internal static class PlanActions
{
    private static readonly ImmutableArray<ChangeAction> NoOp = [ChangeAction.NoOp];
    private static readonly ImmutableArray<ChangeAction> Create = [ChangeAction.Create];
    private static readonly ImmutableArray<ChangeAction> Update = [ChangeAction.Update];
    private static readonly ImmutableArray<ChangeAction> Delete = [ChangeAction.Delete];
    private static readonly ImmutableArray<ChangeAction> Read = [ChangeAction.Read];
    private static readonly ImmutableArray<ChangeAction> DeleteThenCreate = [ChangeAction.Delete, ChangeAction.Create];
    private static readonly ImmutableArray<ChangeAction> CreateThenDelete = [ChangeAction.Create, ChangeAction.Delete];

    public static ImmutableArray<ChangeAction> Parse(JsonElement actions, string where)
    {
        if (actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0)
            throw new InputException($"{where}: change.actions is missing or empty");
        var length = actions.GetArrayLength();
        if (length == 1) return Shared(ParseOne(actions[0], where));
        var builder = ImmutableArray.CreateBuilder<ChangeAction>(length);
        foreach (var a in actions.EnumerateArray())
            builder.Add(ParseOne(a, where));
        var parsed = builder.MoveToImmutable();
        if (parsed.SequenceEqual(DeleteThenCreate)) return DeleteThenCreate;
        if (parsed.SequenceEqual(CreateThenDelete)) return CreateThenDelete;
        return parsed;
    }

    public static ReplaceOrder OrderOf(ImmutableArray<ChangeAction> actions)
    {
        if (actions.Length != 2) return ReplaceOrder.NotReplace;
        if (actions[0] == ChangeAction.Delete && actions[1] == ChangeAction.Create) return ReplaceOrder.DeleteBeforeCreate;
        if (actions[0] == ChangeAction.Create && actions[1] == ChangeAction.Delete) return ReplaceOrder.CreateBeforeDestroy;
        return ReplaceOrder.NotReplace;
    }

    private static ImmutableArray<ChangeAction> Shared(ChangeAction action) => action switch
    {
        ChangeAction.NoOp => NoOp,
        ChangeAction.Create => Create,
        ChangeAction.Update => Update,
        ChangeAction.Delete => Delete,
        ChangeAction.Read => Read,
        _ => [action],
    };

    private static ChangeAction ParseOne(JsonElement action, string where)
    {
        if (action.ValueKind != JsonValueKind.String)
            throw new InputException($"{where}: change.actions holds a {action.ValueKind}, not an action name");
        return action.GetString() switch
        {
            "no-op" => ChangeAction.NoOp,
            "create" => ChangeAction.Create,
            "read" => ChangeAction.Read,
            "update" => ChangeAction.Update,
            "delete" => ChangeAction.Delete,
            "forget" => ChangeAction.Forget,
            var other => throw new InputException($"{where}: unknown action \"{other}\""),
        };
    }
}
