using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.KubeModel.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers;

/// <summary>Runs the rules over a change projected onto a world and decides the verdict. Never "safe" when it does not know.</summary>
public static class Analyzer
{
    public static AnalysisReport Run(World before, Change change, IReadOnlyList<IRule>? rules = null, Action<string, TimeSpan>? timing = null)
    {
        rules ??= RuleRegistry.All;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var ctx = new AnalysisContext(before, change);
        timing?.Invoke("map and project", clock.Elapsed);
        clock.Restart();
        ctx.ComputeShared();
        timing?.Invoke("shared analyses", clock.Elapsed);
        var findings = new List<Finding>();
        var missing = new List<string>();
        missing.AddRange(before.Aws.Missing);
        missing.AddRange(before.Kube.Missing);
        // Rules are independent and the context computes what they share once (thread-safe lazies): run them side by
        // side, and keep their results in rule order so the report does not depend on which finished first.
        var results = new (List<Finding> Findings, List<string> Missing)[rules.Count];
        Parallel.For(0, rules.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var ruleClock = System.Diagnostics.Stopwatch.StartNew();
            var rule = rules[i];
            results[i] = ([.. rule.Evaluate(ctx)], rule is IRequiresState needs ? [.. needs.MissingState(ctx)] : []);
            timing?.Invoke(rule.Descriptor.Id, ruleClock.Elapsed);
        });
        foreach (var (ruleFindings, ruleMissing) in results)
        {
            findings.AddRange(ruleFindings);
            missing.AddRange(ruleMissing);
        }

        var summary = Summarise(change, ctx.Mapped);
        var unknown = ctx.Mapped.Where(m => m.Status == MappingStatus.Unknown).ToList();
        foreach (var u in unknown) missing.Add($"{u.Change.Address}: {u.WhyUnknown ?? "values are known only after apply"}");
        foreach (var (_, why) in ctx.After.Unknowns.OrderBy(k => k.Key, StringComparer.Ordinal)) missing.Add(why);

        var notes = new List<string>();
        notes.AddRange(change.Limitations);
        notes.AddRange(before.Notes);
        if (ctx.Topology.NodesInferred && before.Aws.Loaded.Contains(AwsStateKind.Instances))
            notes.Add($"no Kubernetes state given: {ctx.Topology.Nodes.Length} nodes inferred from EC2 tags (kubernetes.io/cluster/*, eks:cluster-name); components other than kubelet are unknown");
        if (!before.Kube.Loaded.Contains(KubeStateKind.Workloads) && findings.Count > 0)
            notes.Add("no workloads read: components other than kubelet cannot be named (give --k8s-state)");

        var distinctMissing = missing.Distinct(StringComparer.Ordinal).ToImmutableArray();
        var verdict = findings.Count > 0 ? Verdict.Breaks : distinctMissing.Length > 0 ? Verdict.Incomplete : Verdict.Safe;
        return new AnalysisReport
        {
            Verdict = verdict,
            Missing = distinctMissing,
            Input = new InputInfo(change.Kind.ToWire(), change.FormatVersion, change.Producer),
            Changes = summary,
            Findings = [.. findings.OrderByDescending(f => f.Severity).ThenBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Change?.Address, StringComparer.Ordinal)],
            Notes = [.. notes.Distinct(StringComparer.Ordinal)],
            AccountId = before.Aws.AccountId,
            Rules = [.. rules.Select(r => r.Descriptor)],
        };
    }

    /// <summary>Accounts for every resource change: analysed + unsupported + unknown = total.</summary>
    public static ChangeSummary Summarise(Change change, IReadOnlyList<MappedChange> mapped)
    {
        var byAction = Enum.GetValues<ChangeKind>().ToDictionary(k => k, _ => 0);
        foreach (var rc in change.ResourceChanges) byAction[rc.Kind]++;
        int analysed = 0, unsupported = 0, unknown = 0;
        foreach (var m in mapped)
        {
            switch (m.Status)
            {
                case MappingStatus.Analysed: analysed++; break;
                case MappingStatus.Unsupported: unsupported++; break;
                default: unknown++; break;
            }
        }
        return new ChangeSummary
        {
            Total = change.ResourceChanges.Length,
            ByAction = byAction.ToImmutableDictionary(),
            Analysed = analysed,
            Unsupported = unsupported,
            Unknown = unknown,
        };
    }
}
