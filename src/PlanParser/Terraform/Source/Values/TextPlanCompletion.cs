using System.Collections.Immutable;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Source.Values;

/// <summary>Fills into a text plan the identity attributes (<see cref="IdentityAttributes"/>) it does not show, from the
/// configuration evaluated with the variable values: an attribute hidden as unchanged (<c># (1 unchanged attribute
/// hidden)</c>) gets the configured value on both sides, one shown as <c>(known after apply)</c> on the after side.
/// Only fully known values are filled; an unknown or sensitive one leaves the change as it was.</summary>
public static class TextPlanCompletion
{
    public static (Change Change, ImmutableArray<FilledValue> Filled) Fill(Change change, ConfigurationValues values)
    {
        if (change.Kind != InputKind.TerraformText) return (change, []);
        var filled = ImmutableArray.CreateBuilder<FilledValue>();
        var changes = change.ResourceChanges.Select(rc => Fill(rc, values, filled)).ToImmutableArray();
        return filled.Count == 0 ? (change, []) : (change with { ResourceChanges = changes }, filled.ToImmutable());
    }

    private static ResourceChange Fill(ResourceChange rc, ConfigurationValues values, ImmutableArray<FilledValue>.Builder filled)
    {
        if (rc.Address.StartsWith('[')) return rc; // several plans in one input: the address carries a project label
        foreach (var attribute in IdentityAttributes.Of(rc.Type))
        {
            var hidden = !rc.ValuesComplete && Absent(rc.Before, attribute) && Absent(rc.After, attribute);
            var unknown = rc.After is PlanObject after && after.Properties.TryGetValue(attribute, out var a) && a is PlanUnknown;
            if (!hidden && !unknown) continue;
            if (values.Attribute(rc.Address, attribute) is not { } configured || !Known(configured.Value)) continue;
            rc = rc with
            {
                Before = hidden ? With(rc.Before, attribute, configured.Value) : rc.Before,
                After = With(rc.After, attribute, configured.Value),
            };
            filled.Add(new FilledValue(rc.Address, attribute, configured.Value, configured.Site, configured.Expression, configured.Origins));
        }
        return rc;
    }

    /// <summary>A side that is an object without the attribute (a side that is not an object - created or deleted - counts as absent).</summary>
    private static bool Absent(PlanValue side, string attribute) => side is not PlanObject o || !o.Properties.ContainsKey(attribute);

    private static PlanValue With(PlanValue side, string attribute, PlanValue value) =>
        side is PlanObject o ? new PlanObject(PlanPropertyDictionary.From(o.Properties.Where(p => p.Key != attribute).Append(new(attribute, value)))) : side;

    /// <summary>A string, number or bool, or a list of them: nothing unknown, sensitive or null.</summary>
    private static bool Known(PlanValue v) => v switch
    {
        PlanString or PlanNumber or PlanBool => true,
        PlanList l => l.Items.All(i => i is PlanString or PlanNumber or PlanBool),
        _ => false,
    };
}
