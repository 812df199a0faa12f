using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Kubespray;

namespace Kalc.Iac.Analyzers.Rules.Kubespray;

/// <summary>KIAC302: a variable kubespray does not read (usually a typo of one it does).</summary>
public sealed class UnknownVariable : KubesprayRule
{
    public static readonly RuleDescriptor Rule = RuleDescriptors.Create("KIAC302", "kubespray",
        "Variable kubespray does not know", Severity.Medium,
        "A variable that no kubespray role default and no sample-inventory file declares is read by nothing in kubespray: "
        + "a typo (kube_pod_subnet for kube_pods_subnet) leaves the intended variable at its default.",
        "Rename the variable to the name kubespray reads, or remove it.",
        "kubespray")
        .Judging([RuleDescriptors.KubesprayRun]);

    public override RuleDescriptor Descriptor => Rule;

    protected override IEnumerable<Finding> Evaluate(KubesprayRun run, LiveCluster live, AnalysisContext context)
    {
        foreach (var u in run.UnknownVariables)
        {
            var a = u.Assignment;
            var intended = u.Suggestion is { } s ? run.Cluster.GetValueOrDefault(s)?.Value : null;
            var evidence = new List<Evidence>
            {
                new($"{a.Name} = {Shown(a)} is set", From(run, a.Source)),
                new($"kubespray {run.Release} has no variable {a.Name} in its role defaults or sample inventory", Kubespray(run, run.DefaultsOrigin)),
            };
            if (intended is not null) evidence.Add(Effective(run, intended));
            yield return Finding(run, a.Name, a.Source,
                u.Suggestion is null
                    ? $"{a.Name} ({a.Source}) is not a variable kubespray reads."
                    : $"{a.Name} ({a.Source}) is not a variable kubespray reads; did you mean {u.Suggestion}? "
                      + (intended is null ? $"{u.Suggestion} is not set." : $"{u.Suggestion} stays {Show(intended)} from {intended.Source}."),
                evidence,
                u.Suggestion is null ? null : $"Rename {a.Name} to {u.Suggestion} in {a.Source.File}.",
                severity: u.Suggestion is null ? Severity.Low : ShapeVariables.Contains(u.Suggestion) ? Severity.High : Severity.Medium);
        }
    }
}
