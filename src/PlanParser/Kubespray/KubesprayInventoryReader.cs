using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Kubespray.Defaults;
using Kalc.Iac.PlanParser.Kubespray.Inventory;
using Kalc.Iac.PlanParser.Kubespray.Resolution;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Kubespray;

/// <summary>Entry point: reads a kubespray inventory (file or directory) and resolves what a kubespray run would use,
/// as a <see cref="Change"/> of kind kubespray whose <see cref="Change.Kubespray"/> holds the resolution.</summary>
public static class KubesprayInventoryReader
{
    public static ParseResult<Change> Read(string inventoryPath, KubesprayOptions options) =>
        ParseResult<Change>.Catch(inventoryPath, () =>
        {
            try
            {
                var defaults = LoadDefaults(options, out var defaultsNote);
                var extra = ExtraVarsParser.Parse(options.ExtraVars);
                var run = Resolve(inventoryPath, defaults, extra);
                if (defaultsNote is not null) run = run with { Limitations = run.Limitations.Add(defaultsNote) };
                if (options.BaselineInventoryPath is { } baseline)
                    run = run with { Baseline = Resolve(baseline, defaults, extra) };
                return new Change
                {
                    Kind = InputKind.Kubespray,
                    File = inventoryPath,
                    Producer = "kubespray " + run.Release,
                    Limitations = run.Limitations,
                    Kubespray = run,
                };
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException(new InputError(inventoryPath, "cannot read: " + e.Message));
            }
        });

    /// <summary>Role defaults: from the checkout when given, else the bundled release closest to the requested one.</summary>
    public static KubesprayDefaults LoadDefaults(KubesprayOptions options, out string? note)
    {
        note = null;
        if (options.KubesprayDir is { } dir) return CheckoutDefaultsReader.Read(dir, options.Version);
        var release = BundledDefaults.Pick(options.Version);
        if (options.Version is { } wanted && release != wanted && release != "v" + wanted)
            note = $"no bundled defaults for kubespray {wanted}; used {release} (give --kubespray-dir for exact defaults)";
        else if (options.Version is null)
            note = $"kubespray release not given; used the bundled defaults of {release} (give --kubespray-version or --kubespray-dir)";
        return BundledDefaults.Load(release);
    }

    private static KubesprayRun Resolve(string inventoryPath, KubesprayDefaults defaults, System.Collections.Immutable.ImmutableArray<Model.VariableAssignment> extra) =>
        new VariableResolver(InventoryDirectory.Read(inventoryPath), defaults, extra).Resolve(inventoryPath);
}
