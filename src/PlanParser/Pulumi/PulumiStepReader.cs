using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Json;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Pulumi;

/// <summary>Turns preview steps into resource changes, in step order. A replacement shows up as up to three steps
/// for one URN (create-replacement, replace, delete-replaced); they become one change whose order is the order in
/// which the create and the delete steps appear (Pulumi creates first unless deleteBeforeReplace is set).</summary>
internal sealed class PulumiStepReader(string file, PulumiTypeMap types, PlanValueFactory values)
{
    private readonly PulumiValueBuilder _values = new(values);
    private readonly List<PendingChange> _changes = [];
    private readonly Dictionary<string, PendingChange> _replacements = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unmappedTypes = new(StringComparer.Ordinal);
    private bool _sawMappedType;

    public void Add(JsonElement step, SourceRef source)
    {
        var where = source.Path!;
        if (step.ValueKind != JsonValueKind.Object)
            throw Error($"{where}: a step is a JSON object, found {step.ValueKind}", source);
        var op = String(step, "op") ?? throw Error($"{where}: step has no \"op\"", source);
        var urn = String(step, "urn") ?? throw Error($"{where}: step has no \"urn\"", source);
        var oldState = Get(step, "oldState");
        var newState = Get(step, "newState");
        var parsedUrn = PulumiUrn.Parse(urn) ?? throw Error($"{where}: \"{urn}\" is not a Pulumi URN", source);
        var pulumiType = String(newState, "type") ?? String(oldState, "type") ?? parsedUrn.Type;
        var mapped = types.Find(pulumiType);
        if (mapped is null) _unmappedTypes.Add(pulumiType);
        else _sawMappedType = true;

        if (PulumiStepOp.IsReplacementPart(op))
        {
            if (!_replacements.TryGetValue(urn, out var replacement))
            {
                replacement = NewChange(urn, source, parsedUrn, pulumiType, mapped, step);
                replacement.LogicalOp = "replace";
                replacement.Order = ReplaceOrder.NotReplace;
                _replacements.Add(urn, replacement);
                _changes.Add(replacement);
            }
            MergeReplacementStep(replacement, op, oldState, newState, step, mapped);
            return;
        }

        (ImmutableArray<ChangeAction> actions, bool importing, string mode) single;
        try
        {
            single = PulumiStepOp.Single(op);
        }
        catch (InputException e)
        {
            throw Error($"{where}: {e.Error.Reason}", source);
        }
        var change = NewChange(urn, source, parsedUrn, pulumiType, mapped, step);
        change.LogicalOp = op;
        change.Actions = single.actions;
        change.Importing = single.importing;
        change.Mode = single.mode;
        change.Before = _values.State(oldState, mapped);
        change.After = _values.State(newState, mapped);
        _changes.Add(change);
    }

    public (ImmutableArray<ResourceChange> Changes, IReadOnlyDictionary<string, int> LogicalOps, ImmutableArray<string> Notes) Finish()
    {
        var changes = ImmutableArray.CreateBuilder<ResourceChange>(_changes.Count);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pending in _changes)
        {
            if (pending.LogicalOp == "replace" && pending.Actions is [ChangeAction.NoOp])
            {
                // A lone "replace" step: Pulumi's default order is create-before-delete.
                pending.Order = ReplaceOrder.CreateBeforeDestroy;
                pending.Actions = [ChangeAction.Create, ChangeAction.Delete];
            }
            changes.Add(pending.ToResourceChange());
            counts[pending.LogicalOp] = counts.GetValueOrDefault(pending.LogicalOp) + 1;
        }
        var notes = ImmutableArray.CreateBuilder<string>();
        if (_sawMappedType)
            notes.Add("Pulumi preview: AWS types and their top-level property names are translated to Terraform's; nested values keep Pulumi's shape");
        if (_unmappedTypes.Count > 0)
            notes.Add("Pulumi preview: types without a Terraform equivalent keep their Pulumi type token: " +
                      string.Join(", ", _unmappedTypes.Order(StringComparer.Ordinal)));
        return (changes.MoveToImmutable(), counts, notes.ToImmutable());
    }

    private void MergeReplacementStep(PendingChange change, string op, JsonElement oldState, JsonElement newState, JsonElement step, PulumiType? mapped)
    {
        if (oldState.ValueKind == JsonValueKind.Object && change.Before.IsNull) change.Before = _values.State(oldState, mapped);
        // The create-replacement step holds the new object's state (with its unknowns); "replace" only repeats the inputs.
        if (newState.ValueKind == JsonValueKind.Object && (change.After.IsNull || op is "create-replacement" or "import-replacement" or "read-replacement"))
            change.After = _values.State(newState, mapped);
        change.ReplacePaths = Union(change.ReplacePaths, Get(step, "replaceReasons"), mapped);
        switch (op)
        {
            case "read-replacement":
            case "discard-replaced":
                change.LogicalOp = "read-replacement";
                change.Mode = "data";
                change.Actions = [ChangeAction.Read];
                break;
            case "create-replacement":
            case "import-replacement":
                change.Importing |= op == "import-replacement";
                if (change.Order == ReplaceOrder.NotReplace)
                {
                    change.Order = ReplaceOrder.CreateBeforeDestroy;
                    change.Actions = [ChangeAction.Create, ChangeAction.Delete];
                }
                break;
            case "delete-replaced":
                if (change.Order == ReplaceOrder.NotReplace)
                {
                    change.Order = ReplaceOrder.DeleteBeforeCreate;
                    change.Actions = [ChangeAction.Delete, ChangeAction.Create];
                }
                break;
        }
    }

    private ImmutableArray<string> Union(ImmutableArray<string> existing, JsonElement reasons, PulumiType? mapped)
    {
        if (reasons.ValueKind != JsonValueKind.Array) return existing;
        var builder = existing.ToBuilder();
        foreach (var r in reasons.EnumerateArray())
        {
            if (r.ValueKind != JsonValueKind.String) continue;
            var name = _values.PropertyName(r.GetString()!, mapped);
            if (!builder.Contains(name)) builder.Add(name);
        }
        return builder.ToImmutable();
    }

    private PendingChange NewChange(string urn, SourceRef source, PulumiUrn parsed, string pulumiType, PulumiType? mapped, JsonElement step) =>
        new(urn, source)
        {
            Type = values.Names.Intern(mapped?.TerraformType ?? pulumiType),
            Name = parsed.Name,
            ParentTypes = parsed.ParentTypes,
            Provider = ProviderOf(pulumiType),
        };

    private string? ProviderOf(string pulumiType)
    {
        var colon = pulumiType.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? values.Names.Intern(pulumiType[..colon]) : null;
    }

    private InputException Error(string reason, SourceRef source) => new(new InputError(file, reason, source.Line));

    private static JsonElement Get(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) ? v : default;

    private static string? String(JsonElement o, string name) =>
        Get(o, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
}
