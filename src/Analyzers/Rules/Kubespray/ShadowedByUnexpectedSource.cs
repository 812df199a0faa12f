using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Kubespray;

namespace Kalc.Iac.Analyzers.Rules.Kubespray;

/// <summary>KIAC304: an inventory value replaced by a source people do not expect to win (group_vars/all over a
/// group's inline vars, a sibling group by name order, a later file of the same group_vars directory, role vars).</summary>
public sealed class ShadowedByUnexpectedSource : KubesprayRule
{
    public static readonly RuleDescriptor Rule = RuleDescriptors.Create("KIAC304", "kubespray",
        "Inventory value overridden by a more precedent source", Severity.Medium,
        "Ansible's precedence is by kind of source before specificity: any group_vars file beats every inline inventory "
        + "var, groups at the same depth merge by name, files of a group_vars directory merge in name order, and role "
        + "vars beat the whole inventory. A value written in one place is then silently replaced by another.",
        "Keep each variable in one place; remove the losing assignment or move the value to where it wins.",
        "kubespray")
        .Judging([RuleDescriptors.KubesprayRun]);

    public override RuleDescriptor Descriptor => Rule;

    protected override IEnumerable<Finding> Evaluate(KubesprayRun run, LiveCluster live, AnalysisContext context)
    {
        foreach (var s in run.Shadowed)
        {
            var a = s.Assignment;
            yield return Finding(run, a.Name, a.Source,
                $"{a.Name} = {Shown(a)} at {a.Source} is replaced by {Shown(s.Winner)} from {s.Winner.Source} on "
                + $"{string.Join(", ", s.Hosts.Order(StringComparer.Ordinal))}.",
                [
                    new($"{a.Name} = {Shown(a)}", From(run, a.Source)),
                    new($"{a.Name} = {Shown(s.Winner)} takes precedence ({s.Winner.Source.Kind} over {a.Source.Kind})", From(run, s.Winner.Source)),
                ],
                $"Set {a.Name} in one place: remove it from {a.Source.File} or from {s.Winner.Source.File}.",
                s.Hosts,
                ShapeVariables.Contains(a.Name) ? Severity.High : Severity.Medium);
        }
    }
}
