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

    private static readonly Gen<PlanValue> Known = Gen.OneOf(
        Text.Select(s => (PlanValue)new PlanString(s)),
        Gen.Int[-1000, 100000].Select(i => (PlanValue)new PlanNumber(i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        Gen.Bool.Select(b => (PlanValue)new PlanBool(b)));

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
            Gen.Select(Identifier, Known, AfterValue, Gen.Bool).Array[1, 5])
        .Select((modules, type, name, index, action, attributes) => new GeneratedResource(
            [.. modules], type, name, index, action, Attributes(action, attributes)));

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

    private static bool IsReplace(GeneratedAction action) => action is GeneratedAction.ReplaceDeleteFirst or GeneratedAction.ReplaceCreateFirst;
}
