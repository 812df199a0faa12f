using Kalc.Iac.Core;
using Kalc.Iac.Analyzers;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules;
using Kalc.Iac.Reporting;
using System.Collections.Immutable;
using Kalc.Iac.PlanParser.Terraform.Source;
using Kalc.Iac.PlanParser.Terraform.Source.Values;

namespace Kalc.Iac.Cli;

/// <summary>The main command: read the change and the state, analyse, report, and choose the exit code.</summary>
internal static class AnalyzeCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliIo io, CancellationToken ct)
    {
        var parsed = ArgumentParser.Parse(args);
        var o = ConfigFile.Apply(parsed, parsed.Tokens);
        foreach (var id in o.DisabledRules)
            if (RuleRegistry.Find(id) is null) throw new UsageException($"--disable: no rule {id} (see kalc-iac rules)");
        OutputGuard.Check(o);
        var timing = PhaseTimings.For(io);
        timing?.Invoke(PhaseTimings.StartUp, TimeSpan.Zero);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // The state and the change are independent: read them at the same time.
        using var runHeap = AnalysisHeap.EnterForRead(InputSize.Of(o));
        var worldTask = WorldLoader.LoadAsync(o, ProgressRenderer.For(o, io), ct);
        Analyzers.Model.World world;
        Kalc.Iac.PlanParser.Model.Change change;
        try
        {
            change = ChangeLoader.Load(o, io);
            timing?.Invoke("read change", clock.Elapsed);
        }
        finally
        {
            // A bad plan still waits for the state readers, so no read outlives the command.
            world = await worldTask.ConfigureAwait(false);
        }
        timing?.Invoke("read change and state", clock.Elapsed);
        var configuration = ConfigurationLoader.Load(o, io);
        ImmutableArray<FilledValue> filled = [];
        if (configuration is not null)
            (change, filled) = TextPlanCompletion.Fill(
                change, new(configuration, ConfigurationLoader.Values(o, io, configuration)));
        var rules = RuleRegistry.All.Where(r => !o.DisabledRules.Contains(r.Descriptor.Id, StringComparer.OrdinalIgnoreCase)).ToList();
        using (AnalysisHeap.Enter(change.ResourceChanges.Length))
        {
            var report = SourceLocations.Apply(Analyzer.Run(world, change, rules, timing), configuration, filled, change.ModuleCalls);
            clock.Restart();
            Write(report, o, io, configuration);
            timing?.Invoke("write report", clock.Elapsed);
            return ExitCodeFor(report, o);
        }
    }

    public static int ExitCodeFor(AnalysisReport report, CliOptions o)
    {
        if (report.Findings.Any(f => f.Severity >= o.FailOn)) return ExitCodes.FindingsAtOrAboveFailOn;
        if (report.Verdict == Verdict.Incomplete && o.Strict) return ExitCodes.Incomplete;
        return ExitCodes.Ok;
    }

    /// <summary>The main report to stdout or --output, then each --format FORMAT=FILE: one analysis, every format.</summary>
    private static void Write(AnalysisReport report, CliOptions o, CliIo io, TerraformConfiguration? configuration)
    {
        var toConsole = o.Output is null;
        var color = toConsole && o.Format == "text" && !o.NoColor && !io.StdoutRedirected && string.IsNullOrEmpty(io.Env("NO_COLOR"));
        var width = int.TryParse(io.Env("COLUMNS"), out var columns) && columns >= 40 ? Math.Min(columns, 200) : 80;
        var formats = o.Outputs.Select(t => t.Format).Append(o.Format).ToList();
        var options = ReportOptions.Default with
        {
            Color = color,
            Width = width,
            Verbose = o.Verbose,
            FullReport = FullReport(o),
            Artifacts = formats.Contains("sarif") ? RepositoryFiles.Artifacts(o, configuration) : null,
        };
        foreach (var target in o.Outputs)
            OutputFile.Write(target.File, file => Reporters.For(target.Format).Write(report, file, options with { Color = false }));
        if (!toConsole)
        {
            OutputFile.Write(o.Output!, file => Reporters.For(o.Format).Write(report, file, options));
            return;
        }
        try
        {
            Reporters.For(o.Format).Write(report, io.Out, options);
            io.Out.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // A closed stdout (.NET reports EBADF as access denied) or a reader that went away (`| head`): say so, do
            // not abort.
            throw new InputException(new InputError("stdout", e is IOException ? "cannot write the report: " + e.Message : "cannot write the report (stdout is closed)"));
        }
    }

    /// <summary>Where a capped Markdown report says the rest is: the JSON or SARIF file written by the same run.</summary>
    private static string? FullReport(CliOptions o)
    {
        var files = o.Outputs.Where(t => t.Format is "json" or "sarif").Select(t => $"{t.File} ({t.Format})").ToList();
        if (o.Output is { } output && o.Format is "json" or "sarif") files.Insert(0, $"{output} ({o.Format})");
        return files.Count == 0 ? null : string.Join(", ", files);
    }
}
