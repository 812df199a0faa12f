using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Kubespray;
using Kalc.Iac.PlanParser.Kubespray.Model;

namespace Kalc.Iac.Analyzers.Rules.Kubespray;

/// <summary>KIAC301: group_vars/host_vars named after a group or host the inventory does not have (above all a group
/// kubespray renamed): Ansible ignores them and their variables fall back to defaults.</summary>
public sealed class GroupVarsForMissingGroup : KubesprayRule
{
    public static readonly RuleDescriptor Rule = RuleDescriptors.Create("KIAC301", "kubespray",
        "Variables for a group the inventory does not have are ignored", Severity.High,
        "Ansible loads group_vars/NAME only for a group NAME of the inventory (and host_vars/NAME only for a host NAME). "
        + "kubespray renamed its groups in v2.16.0 (k8s-cluster -> k8s_cluster, kube-master -> kube_control_plane, "
        + "kube-node -> kube_node, calico-rr -> calico_rr); a directory left under the old name is silently skipped and "
        + "every variable in it falls back to kubespray's role defaults on the next run.",
        "Move the file or directory to the group's current name (git mv group_vars/k8s-cluster group_vars/k8s_cluster), "
        + "or add the group to the inventory.",
        "kubespray")
        .Judging([RuleDescriptors.KubesprayRun]);

    public override RuleDescriptor Descriptor => Rule;

    protected override IEnumerable<Finding> Evaluate(KubesprayRun run, LiveCluster live, AnalysisContext context)
    {
        foreach (var orphan in run.OrphanVars)
        {
            var target = orphan.Renamed?.NewName ?? orphan.Suggestion;
            var fallbacks = orphan.Variables
                .Select(a => (Assignment: a, Effective: run.Cluster.GetValueOrDefault(a.Name)?.Value))
                .Where(f => f.Effective is null || !Equals(f.Effective.Rendered.IsKnown ? f.Effective.Rendered.Value : f.Effective.Raw, f.Assignment.Value))
                .ToList();
            var kind = orphan.IsHostVars ? "host" : "group";
            var why = orphan.Renamed is { } r
                ? $"kubespray renamed the group '{r.OldName}' to '{r.NewName}' in {r.Release}"
                : target is null ? $"no {kind} of that name exists" : $"the closest {kind} is '{target}'";
            var lost = fallbacks.Count == 0
                ? "its values happen to equal what the run uses anyway"
                : "the next run uses instead: " + string.Join("; ", fallbacks.Select(f =>
                    $"{f.Assignment.Name} = {(f.Effective is null ? "(not set)" : Show(f.Effective) + " from " + f.Effective.Source)} (not {Shown(f.Assignment)})"));
            var severity = fallbacks.Any(f => ShapeVariables.Contains(f.Assignment.Name)) ? Severity.High
                : fallbacks.Count > 0 ? Severity.Medium : Severity.Low;
            var evidence = new List<Evidence>
            {
                new($"{orphan.Path} sets {orphan.Variables.Length} variable(s) for {kind} '{orphan.Name}'", SourceRef.Of(run.InventoryFile(orphan.Path))),
                new($"the inventory has no {kind} '{orphan.Name}' ({why}), so Ansible does not load {orphan.Path}", SourceRef.Of(run.InventoryPath)),
            };
            if (orphan.Renamed is { } rn) evidence.Add(new($"'{rn.OldName}' was renamed '{rn.NewName}' in kubespray {rn.Release}", SourceRef.Reference(rn.Reference)));
            evidence.AddRange(fallbacks.Where(f => f.Effective is not null).Select(f => Effective(run, f.Effective!)));
            var first = orphan.Variables.FirstOrDefault();
            var dir = orphan.IsHostVars ? "host_vars" : "group_vars";
            yield return Finding(run, orphan.Path,
                first?.Source ?? new VariableSource(VariableSourceKind.GroupVars, orphan.Path, null),
                $"{orphan.Path} is for {kind} '{orphan.Name}', which the inventory does not have ({why}); Ansible ignores its "
                + $"{orphan.Variables.Length} variable(s) and {lost}.",
                evidence,
                target is null
                    ? $"Rename {run.InventoryFile(orphan.Path)} after an existing {kind}, or add '{orphan.Name}' to the inventory."
                    : $"Move it: git mv {run.InventoryFile(orphan.Path)} {run.InventoryFile(dir + "/" + target + orphan.Path[(dir.Length + 1 + orphan.Name.Length)..])} "
                      + $"(merge by hand if {dir}/{target} already exists).",
                target is null ? null : run.HostsIn(target).Select(h => h.Name),
                severity);
        }
    }
}
