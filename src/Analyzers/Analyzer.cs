using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules;
using Kalc.Iac.Analyzers.Judging;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.KubeModel.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers;

/// <summary>Runs the rules over a change projected onto a world and decides the verdict. Never "safe" when it does not know:
/// every change is judged (<see cref="ChangeJudge"/>), and anything unsupported, unknown or missing makes it incomplete.</summary>
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
        clock.Restart();
        // Judged against every rule kalc-iac has, not only the enabled ones: a change a disabled rule would judge is
        // still understood (the user chose not to be told).
        var judge = new ChangeJudge(ctx.Footprint, RuleRegistry.All, ctx.Types);
        var judgements = Judge(judge, ctx.Mapped);
        timing?.Invoke("judge changes", clock.Elapsed);

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
        missing.AddRange(MissingState.Lines(ctx, rules, judgements));
        foreach (var j in judgements)
            if (j.Status != MappingStatus.Analysed && j.Needs.IsEmpty && j.Why is { } why) missing.Add(why);
        foreach (var (key, why) in ctx.After.Unknowns.OrderBy(k => k.Key, StringComparer.Ordinal))
            if (ctx.Footprint.Concerns(key)) missing.Add(why);

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
            Changes = Summarise(change, judgements),
            Findings = [.. findings.OrderByDescending(f => f.Severity).ThenBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Change?.Address, StringComparer.Ordinal)],
            Notes = [.. notes.Distinct(StringComparer.Ordinal)],
            AccountId = before.Aws.AccountId,
            NotRead = [.. before.Aws.NotRead.Select(n => new UnreadInput(n.File, n.Command)),
                .. before.Kube.NotRead.Select(n => new UnreadInput(n.File, $"{n.Command} ({n.Count} object{(n.Count == 1 ? "" : "s")})"))],
            Rules = [.. rules.Select(r => r.Descriptor)],
        };
    }

    /// <summary>One judgement per change, in plan order (a large plan is judged in parallel: each judgement reads one change).</summary>
    private static ChangeJudgement[] Judge(ChangeJudge judge, IReadOnlyList<MappedChange> mapped)
    {
        var result = new ChangeJudgement[mapped.Count];
        if (mapped.Count < 4096)
            for (var i = 0; i < mapped.Count; i++) result[i] = judge.Judge(mapped[i]);
        else
            Parallel.For(0, mapped.Count, i => result[i] = judge.Judge(mapped[i]));
        return result;
    }

    /// <summary>Accounts for every resource change: analysed + unsupported + unknown = total.</summary>
    public static ChangeSummary Summarise(Change change, IReadOnlyList<ChangeJudgement> judgements)
    {
        var byAction = Enum.GetValues<ChangeKind>().ToDictionary(k => k, _ => 0);
        foreach (var rc in change.ResourceChanges) byAction[rc.Kind]++;
        int analysed = 0, unsupported = 0, unknown = 0;
        var notAnalysed = ImmutableArray.CreateBuilder<UnanalysedChange>();
        foreach (var j in judgements)
        {
            switch (j.Status)
            {
                case MappingStatus.Analysed: analysed++; continue;
                case MappingStatus.Unsupported: unsupported++; break;
                default: unknown++; break;
            }
            notAnalysed.Add(j.Reason is null
                ? new UnanalysedChange(j.Change.Address, j.Status, j.Status.ToString())
                : new UnanalysedChange(j.Change.Address, j.Status, j.Reason) { AfterAddress = j.AfterAddress });
        }
        return new ChangeSummary
        {
            Total = change.ResourceChanges.Length,
            ByAction = byAction.ToImmutableDictionary(),
            Analysed = analysed,
            Unsupported = unsupported,
            Unknown = unknown,
            NotAnalysed = notAnalysed.ToImmutable(),
        };
    }
}
