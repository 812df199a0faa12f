using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Kubespray;
using Kalc.Iac.PlanParser.Kubespray.Model;

namespace Kalc.Iac.Analyzers.Rules.Kubespray;

/// <summary>What every kubespray rule shares: it only looks at kubespray changes, and builds findings that point at
/// the variable and the file:line its value comes from, with time to impact on-next-kubespray-run.</summary>
public abstract class KubesprayRule : IRule, IRequiresState
{
    public abstract RuleDescriptor Descriptor { get; }

    public IEnumerable<Finding> Evaluate(AnalysisContext context) =>
        context.Change.Kubespray is { } run ? Evaluate(run, new LiveCluster(context.Before.Kube), context) : [];

    public IEnumerable<string> MissingState(AnalysisContext context) =>
        context.Change.Kubespray is { } run ? Missing(run, new LiveCluster(context.Before.Kube), context).Select(m => $"{Descriptor.Id}: {m}") : [];

    protected abstract IEnumerable<Finding> Evaluate(KubesprayRun run, LiveCluster live, AnalysisContext context);

    /// <summary>The facts this rule needed and did not get; empty when it could judge.</summary>
    protected virtual IEnumerable<string> Missing(KubesprayRun run, LiveCluster live, AnalysisContext context) => [];

    /// <summary>A finding about a variable's effective value (or an assignment), pointing at its source.</summary>
    protected Finding Finding(KubesprayRun run, string subject, VariableSource source, string message,
        IEnumerable<Evidence> evidence, string? remediation = null, IEnumerable<string>? nodes = null, Severity? severity = null) =>
        Findings.For(Descriptor, new ChangeRef(subject, ["kubespray-run"]), SourceOf(run, source), message,
            new Impact
            {
                Components = Descriptor.Components,
                Nodes = nodes is null ? [] : [.. nodes.Distinct().Order(StringComparer.Ordinal)],
                TimeToImpact = TimeToImpact.OnNextKubesprayRun,
            },
            evidence, severity, remediation);

    /// <summary>Inventory files are shown under the inventory path the user gave; role defaults and extra vars as their own file.</summary>
    protected static SourceRef? SourceOf(KubesprayRun run, VariableSource source) => source.Kind switch
    {
        VariableSourceKind.Unset => null,
        VariableSourceKind.RoleDefault or VariableSourceKind.RoleVars or VariableSourceKind.ExtraVars => new SourceRef(source.File, source.Line),
        _ => new SourceRef(run.InventoryFile(source.File), source.Line),
    };

    /// <summary>Where a value comes from, for evidence: the file that sets it, or the inventory when nothing does.</summary>
    protected static SourceRef From(KubesprayRun run, VariableSource? source) =>
        source is null ? SourceRef.Of(run.InventoryPath) : SourceOf(run, source) ?? SourceRef.Analysis(source.ToString());

    /// <summary>kubespray's own source (a role or its defaults), for evidence about what a run does.</summary>
    protected static SourceRef Kubespray(KubesprayRun run, string what) => SourceRef.Reference($"kubespray {run.Release} {what}");

    /// <summary>"NAME is unresolved (why)" when the run's cluster value of a variable could not be rendered.</summary>
    protected static IEnumerable<string> Unresolved(KubesprayRun run, string name, string hint = "")
    {
        if (run.Cluster.TryGetValue(name, out var v) && !v.Value.Rendered.IsKnown)
            yield return $"{name} is unresolved ({v.Value.Rendered.WhyUnknown}){hint}";
    }

    protected static Evidence Effective(KubesprayRun run, EffectiveValue value) =>
        new($"a kubespray run ({run.Release}, defaults from {run.DefaultsOrigin}) uses {value.Name} = {Show(value)}", From(run, value.Source));

    protected static string Show(EffectiveValue value) =>
        value.Rendered.IsKnown ? Quote(value.Rendered.Value?.ToString()) : $"(unresolved: {value.Rendered.WhyUnknown})";

    /// <summary>An assignment's value for a message; never the value of a secret-looking variable or a vaulted one.</summary>
    protected static string Shown(VariableAssignment a) =>
        a.Value.IsSensitive || SecretNames.Any(n => a.Name.Contains(n, StringComparison.OrdinalIgnoreCase)) ? "(sensitive value)" : a.Value.ToString() ?? "";

    private static readonly string[] SecretNames = ["password", "passwd", "secret", "token", "private_key", "access_key", "credential"];

    protected static string Quote(string? s) => string.IsNullOrEmpty(s) ? "\"\"" : s;

    /// <summary>Names the hosts of a cluster variable: all of them when they agree, else those with this value.</summary>
    protected static ImmutableArray<string> HostsWith(ClusterVariable v, Func<EffectiveValue, bool> match) =>
        [.. v.PerHost.Where(kv => match(kv.Value)).Select(kv => kv.Key).Order(StringComparer.Ordinal)];
}
