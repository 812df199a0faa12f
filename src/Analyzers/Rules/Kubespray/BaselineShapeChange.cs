using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Kubespray;

namespace Kalc.Iac.Analyzers.Rules.Kubespray;

/// <summary>KIAC313: against --kubespray-baseline, a cluster-shape variable whose effective value this change alters.</summary>
public sealed class BaselineShapeChange : KubesprayRule
{
    public static readonly RuleDescriptor Rule = RuleDescriptors.Create("KIAC313", "kubespray",
        "This change alters a cluster-shape variable", Severity.Medium,
        "Comparing the effective values of the inventory before and after the change shows what the change really does, "
        + "including values that change only because a file moved or a group was renamed.",
        "Check that the change of value is intended; if not, restore where the variable is set.",
        "kubespray")
        .Judging([RuleDescriptors.KubesprayRun]);

    public override RuleDescriptor Descriptor => Rule;

    protected override IEnumerable<Finding> Evaluate(KubesprayRun run, LiveCluster live, AnalysisContext context)
    {
        if (run.Baseline is not { } before) yield break;
        foreach (var name in ShapeVariables.Names)
        {
            var old = before.Cluster.GetValueOrDefault(name)?.Value;
            var now = run.Cluster.GetValueOrDefault(name)?.Value;
            if (old is null && now is null) continue;
            var oldText = old is null ? "(not set)" : Show(old);
            var nowText = now is null ? "(not set)" : Show(now);
            if (oldText == nowText) continue;
            yield return Finding(run, name, now?.Source ?? old!.Source,
                $"{name} changes from {oldText} ({old?.Source.ToString() ?? "not set"} in {before.InventoryPath}) to {nowText} "
                + $"({now?.Source.ToString() ?? "not set"}).",
                [
                    new($"before: {name} = {oldText}", From(before, old?.Source)),
                    new($"after: {name} = {nowText}", From(run, now?.Source)),
                ],
                severity: now?.Source.Kind == PlanParser.Kubespray.Model.VariableSourceKind.RoleDefault ? Severity.High : Severity.Medium);
        }
    }
}
