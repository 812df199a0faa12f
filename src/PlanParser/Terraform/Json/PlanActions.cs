using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Json;
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

    /// <summary>Parses the actions array at <paramref name="range"/> of <paramref name="json"/>.</summary>
    public static ImmutableArray<ChangeAction> Parse(ReadOnlySpan<byte> json, JsonRange range, SourceRef elements, int line, int index, string address)
    {
        var where = new Where(elements, line, index, address);
        var reader = new Utf8JsonReader(range.Of(json), JsonLimits.ReaderOptions);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new InputException($"{where}: change.actions is missing or empty");
        // Terraform writes one action, or two for a replacement: those come from shared arrays, with no list made.
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
            throw new InputException($"{where}: change.actions is missing or empty");
        var first = ParseOne(ref reader, where);
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray) return Shared(first);
        var second = ParseOne(ref reader, where);
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
        {
            if (first == ChangeAction.Delete && second == ChangeAction.Create) return DeleteThenCreate;
            if (first == ChangeAction.Create && second == ChangeAction.Delete) return CreateThenDelete;
            return [first, second];
        }
        var builder = ImmutableArray.CreateBuilder<ChangeAction>();
        builder.Add(first);
        builder.Add(second);
        do builder.Add(ParseOne(ref reader, where));
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray);
        return builder.DrainToImmutable();
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

    /// <summary>"resource_changes[3] (aws_iam_role.x)", put together only when an error needs it.</summary>
    private readonly record struct Where(SourceRef Elements, int Line, int Index, string Address)
    {
        public override string ToString() => $"{Elements.ElementAt(Line, Index).Path} ({Address})";
    }

    private static ChangeAction ParseOne(ref Utf8JsonReader reader, Where where)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            var kind = reader.TokenType switch
            {
                JsonTokenType.StartObject => JsonValueKind.Object,
                JsonTokenType.StartArray => JsonValueKind.Array,
                JsonTokenType.Number => JsonValueKind.Number,
                JsonTokenType.True => JsonValueKind.True,
                JsonTokenType.False => JsonValueKind.False,
                _ => JsonValueKind.Null,
            };
            throw new InputException($"{where}: change.actions holds a {kind}, not an action name");
        }
        if (reader.ValueTextEquals("no-op"u8)) return ChangeAction.NoOp;
        if (reader.ValueTextEquals("create"u8)) return ChangeAction.Create;
        if (reader.ValueTextEquals("update"u8)) return ChangeAction.Update;
        if (reader.ValueTextEquals("delete"u8)) return ChangeAction.Delete;
        if (reader.ValueTextEquals("read"u8)) return ChangeAction.Read;
        if (reader.ValueTextEquals("forget"u8)) return ChangeAction.Forget;
        throw new InputException($"{where}: unknown action in change.actions (expected no-op, create, update, delete, read or forget)");
    }
}
