using System.Diagnostics.CodeAnalysis;

namespace Kalc.Iac.PlanParser.Kubespray.Model;

/// <summary>One variable's value on each of the cluster's hosts that has it, read from the hosts themselves (in host
/// order) rather than copied: a 1,000-host inventory has ~1,000 variables, and most rules never ask.</summary>
/// <param name="hosts">The hosts, in order.</param>
/// <param name="byName">The same hosts by name (shared by every variable's view).</param>
/// <param name="name">The variable.</param>
public sealed class HostValueDictionary(IReadOnlyList<KubesprayHost> hosts, IReadOnlyDictionary<string, KubesprayHost> byName, string name)
    : IReadOnlyDictionary<string, EffectiveValue>
{
    public EffectiveValue this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => hosts.Where(h => h.Variables.ContainsKey(name)).Select(h => h.Name);

    public IEnumerable<EffectiveValue> Values => hosts.Select(h => h.Variables.GetValueOrDefault(name)).OfType<EffectiveValue>();

    public int Count => hosts.Count(h => h.Variables.ContainsKey(name));

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out EffectiveValue value)
    {
        value = byName.TryGetValue(key, out var host) ? host.Variables.GetValueOrDefault(name) : null;
        return value is not null;
    }

    public IEnumerator<KeyValuePair<string, EffectiveValue>> GetEnumerator() =>
        hosts.Where(h => h.Variables.ContainsKey(name)).Select(h => KeyValuePair.Create(h.Name, h.Variables[name])).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
