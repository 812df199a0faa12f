using System.Collections.Concurrent;
using System.Collections.Immutable;
using Google.Protobuf.WellKnownTypes;
using Kalc.Iac.Analyzers;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.Analyzers.Rules;
using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.PlanParser.Pulumi;
using Pulumirpc;

namespace Kalc.Iac.PulumiPolicy;

/// <summary>Reads the AWS and Kubernetes state for the given settings (the CLI's readers; injected so that this
/// project does not depend on the command line).</summary>
public delegate Task<World> WorldLoad(PackSettings settings, CancellationToken ct);

/// <summary>The policy pack behind the gRPC service: keeps what the engine configured, reads the state and the
/// previous stack once, and answers Analyze / AnalyzeStack by running <see cref="Analyzer.Run"/> on the change the
/// stack comparison yields. Findings become diagnostics (<see cref="Diagnostics"/>).</summary>
public sealed class PolicyPack
{
    private readonly PackPolicies _policies;
    private readonly WorldLoad _loadWorld;
    private readonly Func<string, string?> _env;
    private readonly string _baseDirectory;
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, bool> _reported = new(StringComparer.Ordinal);
    private PackSettings _settings;
    private ImmutableDictionary<string, EnforcementLevel> _levels;
    private Lazy<Task<World>> _world;
    private Task<PreviousStack>? _exported;
    private StackName? _stack;

    public PolicyPack(PackPolicies policies, WorldLoad loadWorld, PackSettings initial, string baseDirectory, Func<string, string?> env)
    {
        _policies = policies;
        _loadWorld = loadWorld;
        _env = env;
        _baseDirectory = baseDirectory;
        _settings = initial;
        _levels = policies.All().ToImmutableDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal);
        _world = NewWorld(initial);
    }

    public AnalyzerInfo Info() => PackInfo.Build(_policies, Reporting.ToolInfo.Version);

    public PackSettings Settings { get { lock (_gate) return _settings; } }

    public StackName? Stack { get { lock (_gate) return _stack; } }

    /// <summary>The engine names the stack before any step: start reading the previous stack now.</summary>
    public void ConfigureStack(AnalyzerStackConfigureRequest request)
    {
        var stack = new StackName(request.Organization, request.Project, request.Stack, request.DryRun);
        lock (_gate)
        {
            _stack = stack;
            if (_settings.StackExport is null && stack.Stack.Length > 0)
                _exported = Task.Run(() => StackExport.Run(stack, new PlanParser.Binary.ProcessToolRunner(_env)));
        }
    }

    /// <summary>Enforcement levels per policy and the settings (properties of <c>kalc-iac-state</c> or <c>all</c>).</summary>
    public void Configure(ConfigureAnalyzerRequest request)
    {
        var settings = Settings;
        var levels = _levels;
        foreach (var key in new[] { "all", PackPolicies.StatePolicy })
            if (request.PolicyConfig.TryGetValue(key, out var c) && c.Properties is { } props)
                settings = settings.With(props.Fields, _baseDirectory);
        foreach (var id in settings.Disable)
            if (RuleRegistry.Find(id) is null) throw new PackConfigException($"disable: no rule {id} (see kalc-iac rules)");
        foreach (var (name, config) in request.PolicyConfig)
            if (levels.ContainsKey(name)) levels = levels.SetItem(name, config.EnforcementLevel);
        lock (_gate)
        {
            if (settings != _settings) _world = NewWorld(settings);
            _settings = settings;
            _levels = levels;
        }
    }

    public async Task<AnalyzeResponse> AnalyzeAsync(AnalyzeRequest request, CancellationToken ct)
    {
        var (world, previous, rules, settings, levels) = await PrepareAsync(ct).ConfigureAwait(false);
        var state = StructJson.State(request.Urn, request.Type, request.Options?.Parent, request.Properties, "inputs");
        var was = previous.Find(request.Urn);
        if (was is not null) state = WithOldOutputs(state, was.State);
        var resource = new PulumiStackResource(request.Urn, request.Type, state) { DeleteBeforeReplace = request.Options?.DeleteBeforeReplace ?? false };
        // Only this resource's old state matters; the rest of the stack is not compared (Analyze runs per resource).
        PulumiStackResource[]? before = previous.Resources is null ? null : was is null ? [] : [was];
        var change = PulumiStackComparison.CompareResource(before, resource, request.Urn).Unwrap();
        if (change.ResourceChanges.All(c => c.Kind == ChangeKind.NoOp)) return new AnalyzeResponse();
        var report = Analyzers.Analyzer.Run(world, change, rules);
        var response = new AnalyzeResponse();
        foreach (var d in Diagnostics.ForFindings(report, _policies, levels, settings, stackUrns: null))
            if (_reported.TryAdd(Diagnostics.Key(d), true)) response.Diagnostics.Add(d);
        return response;
    }

    public async Task<AnalyzeResponse> AnalyzeStackAsync(AnalyzeStackRequest request, CancellationToken ct)
    {
        var (world, previous, rules, settings, levels) = await PrepareAsync(ct).ConfigureAwait(false);
        var after = request.Resources
            .Select(r => new PulumiStackResource(r.Urn, r.Type, StructJson.State(r.Urn, r.Type, r.Parent, r.Properties, "outputs"))
            {
                DeleteBeforeReplace = r.Options?.DeleteBeforeReplace ?? false,
            })
            .ToList();
        var change = PulumiStackComparison.CompareStacks(previous.Resources, after, "stack").Unwrap();
        var report = Analyzers.Analyzer.Run(world, change, rules);
        var response = new AnalyzeResponse();
        var urns = after.Select(r => r.Urn).ToHashSet(StringComparer.Ordinal);
        foreach (var d in Diagnostics.ForFindings(report, _policies, levels, settings, urns))
            if (!_reported.ContainsKey(Diagnostics.Key(d))) response.Diagnostics.Add(d);
        if (levels.GetValueOrDefault(PackPolicies.StatePolicy) is not EnforcementLevel.Disabled &&
            Diagnostics.ForUnknowns(report, previous, settings, levels[PackPolicies.StatePolicy]) is { } unknowns)
            response.Diagnostics.Add(unknowns);
        return response;
    }

    private async Task<(World World, PreviousStack Previous, IReadOnlyList<IRule> Rules, PackSettings Settings, ImmutableDictionary<string, EnforcementLevel> Levels)> PrepareAsync(CancellationToken ct)
    {
        Lazy<Task<World>> world;
        PackSettings settings;
        ImmutableDictionary<string, EnforcementLevel> levels;
        lock (_gate)
        {
            world = _world;
            settings = _settings;
            levels = _levels;
        }
        var previous = await PreviousAsync(settings, ct).ConfigureAwait(false);
        var rules = _policies.Rules
            .Where(r => levels.GetValueOrDefault(_policies.PolicyOf(r.Descriptor.Id)) != EnforcementLevel.Disabled)
            .Where(r => !settings.Disable.Contains(r.Descriptor.Id, StringComparer.OrdinalIgnoreCase))
            .ToList();
        return (await world.Value.WaitAsync(ct).ConfigureAwait(false), previous, rules, settings, levels);
    }

    private Task<PreviousStack> PreviousAsync(PackSettings settings, CancellationToken ct)
    {
        if (settings.StackExport is { } file) return Task.FromResult(StackExport.FromFile(file));
        lock (_gate)
        {
            if (_exported is not null) return _exported.WaitAsync(ct);
            return Task.FromResult(PreviousStack.Unknown("the engine did not name the stack (no ConfigureStack call) and no stackExport file is configured"));
        }
    }

    private Lazy<Task<World>> NewWorld(PackSettings settings) => new(() => _loadWorld(settings, CancellationToken.None));

    /// <summary>Analyze sees only the new inputs: lay them over the resource's outputs from before, so that values the
    /// program does not set (the provider fills them) are not read as removed.</summary>
    private static System.Text.Json.JsonElement WithOldOutputs(System.Text.Json.JsonElement state, System.Text.Json.JsonElement old)
    {
        if (!old.TryGetProperty("outputs", out var outputs)) return state;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var p in state.EnumerateObject()) p.WriteTo(w);
            w.WritePropertyName("outputs");
            outputs.WriteTo(w);
            w.WriteEndObject();
        }
        using var doc = System.Text.Json.JsonDocument.Parse(buffer.WrittenMemory);
        return doc.RootElement.Clone();
    }
}
