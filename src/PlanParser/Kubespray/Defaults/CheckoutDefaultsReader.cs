using System.Collections.Immutable;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Kubespray.Inventory;
using Kalc.Iac.PlanParser.Kubespray.Model;

namespace Kalc.Iac.PlanParser.Kubespray.Defaults;

/// <summary>Reads role defaults straight from a kubespray checkout (<c>--kubespray-dir</c>); also what the bundled
/// data files are generated from.</summary>
public static partial class CheckoutDefaultsReader
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
        // kubespray documents optional variables as commented-out examples ("# cloud_provider:"): they are known too.
        foreach (var rel in DefaultsFileLayout.SampleInventoryFiles(checkout).Concat(DefaultsFileLayout.Files(checkout).Select(f => f.RelativePath)))
        {
            foreach (var line in File.ReadLines(Path.Combine(checkout, rel)))
            {
                var m = CommentedVariable().Match(line);
                if (m.Success && !vars.ContainsKey(m.Groups[1].Value)) sample.Add(m.Groups[1].Value);
            }
        }
        return new KubesprayDefaults
        {
            Release = release ?? DefaultsFileLayout.DetectRelease(checkout) ?? "unknown",
            Origin = "checkout " + checkout,
            Variables = vars.ToImmutable(),
            SampleInventoryVariables = sample.ToImmutable(),
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^#\s*(?:-\s*)?([a-z][a-z0-9_]*):(\s|$)")]
    private static partial System.Text.RegularExpressions.Regex CommentedVariable();
}
