using System.Collections.Immutable;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Kubespray.Inventory;
using Kalc.Iac.PlanParser.Kubespray.Model;

namespace Kalc.Iac.PlanParser.Kubespray.Defaults;

/// <summary>Reads role defaults straight from a kubespray checkout (<c>--kubespray-dir</c>); also what the bundled
/// data files are generated from.</summary>
public static class CheckoutDefaultsReader
{
    public static KubesprayDefaults Read(string checkout, string? release)
    {
        if (!Directory.Exists(Path.Combine(checkout, "roles")))
            throw new InputException(new InputError(checkout, "not a kubespray checkout (no roles/ directory)"));
        var vars = ImmutableDictionary.CreateBuilder<string, VariableAssignment>();
        foreach (var (rel, kind) in DefaultsFileLayout.Files(checkout))
        {
            foreach (var (name, value, line) in InventoryDirectory.ReadVarsFile(Path.Combine(checkout, rel), rel))
            {
                if (!vars.ContainsKey(name)) vars[name] = new VariableAssignment(name, value, new VariableSource(kind, rel, line));
            }
        }
        var sample = ImmutableHashSet.CreateBuilder<string>();
        foreach (var rel in DefaultsFileLayout.SampleInventoryFiles(checkout))
        {
            foreach (var (name, _, _) in InventoryDirectory.ReadVarsFile(Path.Combine(checkout, rel), rel)) sample.Add(name);
        }
        return new KubesprayDefaults
        {
            Release = release ?? DefaultsFileLayout.DetectRelease(checkout) ?? "unknown",
            Origin = "checkout " + checkout,
            Variables = vars.ToImmutable(),
            SampleInventoryVariables = sample.ToImmutable(),
        };
    }
}
