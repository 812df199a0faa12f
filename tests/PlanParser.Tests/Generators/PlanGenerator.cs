using System.Collections.Immutable;
using CsCheck;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Tests.Generators;

/// <summary>CsCheck generators of random plans: module paths with count/for_each keys, every action
/// (both replace orders, read, delete, create, update), simple values including unknown and sensitive.</summary>
public static class PlanGenerator
{
    private static readonly Gen<string> Identifier =
        Gen.Select(Gen.Char["abcdefghijklmnopqrstuvwxyz"], Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789_-"], 0, 10], (c, s) => c + s);

    // Keys and strings carry what a reader could trip over: quotes, backslashes, brackets, arrows, comments, ${.
    private static readonly Gen<string> Text = Gen.String[Gen.Char["abcxyz 019-_.:/\"\\]>#${}é"], 0, 16];

    private static readonly Gen<string?> Index = Gen.OneOf(
        Gen.Const((string?)null),
        Gen.Int[0, 20].Select(i => (string?)i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Text.Select(k => (string?)Quote(k)));

    private static readonly Gen<PlanValue> Scalar = Gen.OneOf(
        Text.Select(s => (PlanValue)new PlanString(s)),
        Gen.Int[-1000, 100000].Select(i => (PlanValue)new PlanNumber(i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        Gen.Bool.Select(b => (PlanValue)new PlanBool(b)));

    // Sets of strings: printed element by element, unchanged elements of an update hidden.
    private static readonly Gen<PlanValue> Set =
        Gen.String[Gen.Char["abcxyz019"], 1, 3].Array[0, 4].Select(items => (PlanValue)new PlanList([.. items.Distinct(StringComparer.Ordinal).Select(i => (PlanValue)new PlanString(i))]));

    private static readonly Gen<PlanValue> Known = Gen.Frequency((5, Scalar), (1, Set));

    private static readonly Gen<PlanObject> BlockBody =
        Gen.Select(Identifier, Scalar).Array[0, 3].Select(attrs => new PlanObject(PlanPropertyDictionary.From(
            attrs.DistinctBy(a => a.Item1, StringComparer.Ordinal).Select(a => KeyValuePair.Create(a.Item1, a.Item2)))));

    private enum BlockChange { Unchanged, Added, Removed, Changed }

    // Nested blocks: empty ones (both renderings), sensitive ones, and in updates unchanged, added, removed and
    // changed instances with their unchanged attributes hidden.
    private static readonly Gen<(string, PlanObject, PlanObject, BlockChange, bool, bool)> RawBlock =
        Gen.Select(Gen.OneOf(Gen.Const("timeouts"), Gen.Const("allow"), Identifier.Select(i => "blk_" + i.Replace('-', '_'))),
            BlockBody, BlockBody, Gen.Enum<BlockChange>(), Gen.Int[0, 5].Select(i => i == 0), Gen.Bool);

    private static readonly Gen<PlanValue> AfterValue = Gen.Frequency(
        (6, Known), (2, Gen.Const(PlanValue.Unknown)), (1, Gen.Const(PlanValue.Sensitive)));

    public static readonly Gen<GeneratedAction> Action = Gen.Enum<GeneratedAction>();

    public static readonly Gen<GeneratedResource> Resource =
        Gen.Select(
            Gen.Select(Identifier, Index).Array[0, 2],
            Identifier.Select(s => "aws_" + s.Replace('-', '_')),
            Identifier,
            Index,
            Action,
            Gen.Select(Identifier, Known, AfterValue, Gen.Bool).Array[1, 5],
            RawBlock.Array[0, 4])
        .Select((modules, type, name, index, action, attributes, blocks) =>
        {
            var attrs = Attributes(action, attributes);
            return new GeneratedResource([.. modules], type, name, index, action, attrs, Blocks(action, blocks, attrs));
        });

    public static readonly Gen<GeneratedPlan> Plan =
        Resource.Array[0, 12].Select(resources => new GeneratedPlan(
            [.. resources.DistinctBy(r => r.Address, StringComparer.Ordinal)]));

    /// <summary>Go-style quoting, as Terraform prints for_each keys in addresses.</summary>
    public static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static ImmutableArray<GeneratedAttribute> Attributes(GeneratedAction action, (string Name, PlanValue Before, PlanValue After, bool Same)[] raw)
    {
        var unique = raw.DistinctBy(a => a.Name, StringComparer.Ordinal).ToList();
        var attributes = ImmutableArray.CreateBuilder<GeneratedAttribute>();
        for (var i = 0; i < unique.Count; i++)
        {
            var (name, before, after, same) = unique[i];
            var sensitive = after.IsSensitive;
            attributes.Add(action switch
            {
                GeneratedAction.Create or GeneratedAction.Read => new GeneratedAttribute(name, PlanValue.Null, after),
                GeneratedAction.Delete => new GeneratedAttribute(name, sensitive ? PlanValue.Sensitive : before, PlanValue.Null),
                // The first attribute of an update or replacement always changes; others may stay as they were.
                _ when sensitive => new GeneratedAttribute(name, PlanValue.Sensitive, PlanValue.Sensitive, i == 0 && IsReplace(action)),
                _ when same && i > 0 => new GeneratedAttribute(name, before, before),
                _ => new GeneratedAttribute(name, before, Equals(before, after) ? PlanValue.Unknown : after, i == 0 && IsReplace(action)),
            });
        }
        return attributes.ToImmutable();
    }

    private static ImmutableArray<GeneratedBlock> Blocks(GeneratedAction action, (string, PlanObject, PlanObject, BlockChange, bool, bool)[] raw, ImmutableArray<GeneratedAttribute> attributes)
    {
        var blocks = ImmutableArray.CreateBuilder<GeneratedBlock>();
        foreach (var (name, body, other, change, sensitive, nextLine) in raw)
        {
            if (attributes.Any(a => a.Name == name)) continue;
            blocks.Add(action switch
            {
                GeneratedAction.Create or GeneratedAction.Read => new GeneratedBlock(name, null, body, sensitive, nextLine),
                GeneratedAction.Delete => new GeneratedBlock(name, body, null, sensitive, nextLine),
                _ => change switch
                {
                    BlockChange.Unchanged => new GeneratedBlock(name, body, body, sensitive, nextLine),
                    BlockChange.Added => new GeneratedBlock(name, null, body, sensitive, nextLine),
                    BlockChange.Removed => new GeneratedBlock(name, body, null, sensitive, nextLine),
                    // Changed: the other body's attributes overwrite or join this one's; those left as they were are hidden.
                    _ => Changed(name, body, other, sensitive, nextLine),
                },
            });
        }
        return blocks.ToImmutable();
    }

    private static GeneratedBlock Changed(string name, PlanObject body, PlanObject other, bool sensitive, bool nextLine)
    {
        var after = body.Properties.ToDictionary(StringComparer.Ordinal);
        foreach (var (k, v) in other.Properties) after[k] = v;
        var merged = new PlanObject(PlanPropertyDictionary.From(after));
        return Equals(merged, body)
            ? new GeneratedBlock(name, body, body, sensitive, nextLine)
            : new GeneratedBlock(name, body, merged, sensitive, nextLine);
    }

    private static bool IsReplace(GeneratedAction action) => action is GeneratedAction.ReplaceDeleteFirst or GeneratedAction.ReplaceCreateFirst;
}
