using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Kubespray.Resolution;

/// <summary>Renders the Jinja2 kubespray's defaults use most: <c>{{ var }}</c>, <c>{{ a.b }}</c>, <c>{{ a['b'] }}</c>,
/// literals, <c>~</c> concatenation and the filters default/d, int, string, bool, lower, upper, trim. Anything else
/// (statements, tests, other filters, arithmetic) is reported unresolved, never guessed.</summary>
public sealed class TemplateRenderer
{
    private const int MaxDepth = 64;
    private readonly Func<string, PlanValue?> _raw;
    private readonly Dictionary<string, Known<PlanValue>> _done = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private readonly Func<string, bool>? _hostSpecific;
    private readonly Func<string, Known<PlanValue>?>? _rendered;
    private readonly HashSet<string> _dependsOnHost = new(StringComparer.Ordinal);
    private bool _touchedHost;
    private bool _touchedCycle;

    /// <param name="raw">The unrendered value a variable has for this host, or null when it is not defined.</param>
    /// <param name="hostSpecific">For a renderer shared by hosts: the names whose value may differ between them. A
    /// variable that reads one, directly or through others, is marked (<see cref="DependsOnHost"/>): its value here is
    /// not every host's.</param>
    /// <param name="rendered">Values already rendered elsewhere that hold here too (a host's renderer reuses what the
    /// renderer shared by its groups found for names the host cannot change), or null to render the name here.</param>
    public TemplateRenderer(Func<string, PlanValue?> raw, Func<string, bool>? hostSpecific = null, Func<string, Known<PlanValue>?>? rendered = null)
    {
        _raw = raw;
        _hostSpecific = hostSpecific;
        _rendered = rendered;
    }

    /// <summary>Whether the rendered value of <paramref name="name"/> read a host-specific name (after <see cref="Variable"/>).</summary>
    public bool DependsOnHost(string name) => _dependsOnHost.Contains(name);

    /// <summary>The rendered value of a variable, or unknown with the reason.</summary>
    public Known<PlanValue> Variable(string name)
    {
        if (_hostSpecific?.Invoke(name) == true) _touchedHost = true;
        if (_done.TryGetValue(name, out var known))
        {
            if (_dependsOnHost.Contains(name)) _touchedHost = true;
            return known;
        }
        if (_rendered?.Invoke(name) is { } ready) return _done[name] = ready;
        if (_inProgress.Contains(name) || _inProgress.Count > MaxDepth)
        {
            _touchedCycle = true;
            return Known<PlanValue>.Unknown($"'{name}' refers to itself");
        }
        var raw = _raw(name);
        if (raw is null) return Known<PlanValue>.Unknown($"'{name}' is not defined");
        var (outerHost, outerCycle) = (_touchedHost, _touchedCycle);
        _touchedHost = _hostSpecific?.Invoke(name) == true;
        _touchedCycle = false;
        _inProgress.Add(name);
        var result = Render(raw);
        _inProgress.Remove(name);
        // A value that met a variable already in progress ("refers to itself") depends on where rendering started,
        // so it is not shared either; an unknown for any other reason (a filter not rendered) is the same everywhere.
        if (_touchedHost || _touchedCycle && _inProgress.Count > 0) _dependsOnHost.Add(name);
        _touchedHost |= outerHost;
        _touchedCycle = _touchedCycle && _inProgress.Count > 0 || outerCycle;
        _done[name] = result;
        return result;
    }

    public Known<PlanValue> Render(PlanValue value)
    {
        switch (value)
        {
            case PlanString s when s.Value.Contains("{{", StringComparison.Ordinal) || s.Value.Contains("{%", StringComparison.Ordinal):
                try
                {
                    return Known<PlanValue>.Of(RenderString(s.Value));
                }
                catch (UnresolvedException e)
                {
                    return Known<PlanValue>.Unknown(e.Message);
                }
            case PlanList l:
                var items = ImmutableArray.CreateBuilder<PlanValue>(l.Items.Length);
                foreach (var i in l.Items)
                {
                    var r = Render(i);
                    if (!r.IsKnown) return r;
                    items.Add(r.Value!);
                }
                return Known<PlanValue>.Of(new PlanList(items.MoveToImmutable()));
            case PlanObject o:
                var props = ImmutableDictionary.CreateBuilder<string, PlanValue>();
                foreach (var (k, v) in o.Properties)
                {
                    var r = Render(v);
                    if (!r.IsKnown) return r;
                    props[k] = r.Value!;
                }
                return Known<PlanValue>.Of(new PlanObject(props.ToImmutable()));
            default:
                return Known<PlanValue>.Of(value);
        }
    }

    private PlanValue RenderString(string text)
    {
        if (text.Contains("{%", StringComparison.Ordinal)) throw new UnresolvedException("uses a Jinja2 statement ({% ... %})");
        var parts = new List<(bool IsExpr, string Text)>();
        var pos = 0;
        while (pos < text.Length)
        {
            var open = text.IndexOf("{{", pos, StringComparison.Ordinal);
            if (open < 0) { parts.Add((false, text[pos..])); break; }
            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0) throw new UnresolvedException("an unclosed {{");
            if (open > pos) parts.Add((false, text[pos..open]));
            parts.Add((true, text[(open + 2)..close]));
            pos = close + 2;
        }
        if (parts.Count == 1 && parts[0].IsExpr) return Evaluate(parts[0].Text);
        var sb = new StringBuilder();
        foreach (var (isExpr, t) in parts) sb.Append(isExpr ? AsText(Evaluate(t)) : t);
        return new PlanString(sb.ToString());
    }

    private PlanValue Evaluate(string expression) => new ExpressionParser(expression, this).ParseAll();

    internal static string AsText(PlanValue v) => v switch
    {
        PlanBool b => b.Value ? "True" : "False",
        PlanNull => "None",
        PlanString or PlanNumber => v.AsString()!,
        _ => throw new UnresolvedException("a list or mapping used as text"),
    };

    /// <summary>A recursive-descent parser over the expression subset; evaluates as it parses.</summary>
    private sealed class ExpressionParser(string text, TemplateRenderer renderer)
    {
        private int _pos;

        public PlanValue ParseAll()
        {
            var v = Concat();
            Skip();
            if (_pos < text.Length) throw new UnresolvedException($"uses Jinja2 beyond plain references and simple filters ('{text.Trim()}')");
            return v.Value ?? throw new UnresolvedException(v.WhyUnknown!);
        }

        private Known<PlanValue> Concat()
        {
            var left = Filtered();
            while (Peek('~'))
            {
                _pos++;
                var right = Filtered();
                left = left.IsKnown && right.IsKnown ? Known<PlanValue>.Of(new PlanString(AsText(left.Value!) + AsText(right.Value!))) : (left.IsKnown ? right : left);
            }
            return left;
        }

        private Known<PlanValue> Filtered()
        {
            var v = Postfix();
            while (Peek('|'))
            {
                _pos++;
                var name = Identifier() ?? throw new UnresolvedException("a filter without a name");
                var args = new List<Known<PlanValue>>();
                if (Peek('('))
                {
                    _pos++;
                    while (!Peek(')'))
                    {
                        args.Add(Concat());
                        if (Peek(',')) _pos++;
                        else if (!Peek(')')) throw new UnresolvedException($"unsupported arguments to filter '{name}'");
                    }
                    _pos++;
                }
                v = Apply(name, v, args);
            }
            return v;
        }

        private static Known<PlanValue> Apply(string filter, Known<PlanValue> v, List<Known<PlanValue>> args)
        {
            if (filter is "default" or "d")
            {
                var fallback = args.Count > 0 ? args[0] : Known<PlanValue>.Of(new PlanString(""));
                var onFalsy = args.Count > 1 && args[1].IsKnown && args[1].Value is PlanBool { Value: true };
                if (!v.IsKnown && v.WhyUnknown!.EndsWith("is not defined", StringComparison.Ordinal)) return fallback;
                if (onFalsy && v.IsKnown && IsFalsy(v.Value!)) return fallback;
                return v;
            }
            if (!v.IsKnown) return v;
            var x = v.Value!;
            return filter switch
            {
                "string" => Known<PlanValue>.Of(new PlanString(AsText(x))),
                "lower" => Known<PlanValue>.Of(new PlanString(AsText(x).ToLowerInvariant())),
                "upper" => Known<PlanValue>.Of(new PlanString(AsText(x).ToUpperInvariant())),
                "trim" => Known<PlanValue>.Of(new PlanString(AsText(x).Trim())),
                "int" => Known<PlanValue>.Of(new PlanNumber(long.TryParse(AsText(x), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n.ToString(CultureInfo.InvariantCulture) : "0")),
                "bool" => Known<PlanValue>.Of(new PlanBool(x is PlanBool b ? b.Value : AsText(x).ToLowerInvariant() is "yes" or "on" or "1" or "true" or "y")),
                _ => Known<PlanValue>.Unknown($"uses the Jinja2 filter '{filter}'"),
            };
        }

        private static bool IsFalsy(PlanValue v) => v switch
        {
            PlanNull => true,
            PlanBool b => !b.Value,
            PlanString s => s.Value.Length == 0,
            PlanNumber n => n.Text is "0",
            PlanList l => l.Items.Length == 0,
            PlanObject o => o.Properties.Count == 0,
            _ => false,
        };

        private Known<PlanValue> Postfix()
        {
            var v = Primary();
            while (true)
            {
                if (Peek('.'))
                {
                    _pos++;
                    var key = Identifier() ?? throw new UnresolvedException("an attribute without a name");
                    v = Member(v, key);
                }
                else if (Peek('['))
                {
                    _pos++;
                    var key = Concat();
                    if (!Peek(']')) throw new UnresolvedException("an unsupported subscript");
                    _pos++;
                    if (!key.IsKnown) return key;
                    v = Member(v, AsText(key.Value!));
                }
                else
                {
                    return v;
                }
            }
        }

        private static Known<PlanValue> Member(Known<PlanValue> v, string key)
        {
            if (!v.IsKnown) return v;
            return v.Value switch
            {
                PlanObject o when o.Properties.TryGetValue(key, out var m) => Known<PlanValue>.Of(m),
                PlanList l when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < l.Items.Length => Known<PlanValue>.Of(l.Items[i]),
                _ => Known<PlanValue>.Unknown($"'{key}' is not defined"),
            };
        }

        private Known<PlanValue> Primary()
        {
            Skip();
            if (_pos >= text.Length) throw new UnresolvedException("an empty expression");
            var c = text[_pos];
            if (c == '(')
            {
                _pos++;
                var inner = Concat();
                if (!Peek(')')) throw new UnresolvedException($"uses Jinja2 beyond plain references and simple filters ('{text.Trim()}')");
                _pos++;
                return inner;
            }
            if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, _pos + 1);
                if (end < 0) throw new UnresolvedException("an unterminated string");
                var s = text[(_pos + 1)..end];
                _pos = end + 1;
                return Known<PlanValue>.Of(new PlanString(s));
            }
            if (char.IsDigit(c) || c == '-')
            {
                var start = _pos++;
                while (_pos < text.Length && (char.IsDigit(text[_pos]) || text[_pos] == '.')) _pos++;
                return Known<PlanValue>.Of(new PlanNumber(text[start.._pos]));
            }
            var id = Identifier() ?? throw new UnresolvedException($"uses Jinja2 beyond plain references and simple filters ('{text.Trim()}')");
            return id switch
            {
                "true" or "True" => Known<PlanValue>.Of(new PlanBool(true)),
                "false" or "False" => Known<PlanValue>.Of(new PlanBool(false)),
                "none" or "None" => Known<PlanValue>.Of(PlanValue.Null),
                _ when Peek('(') => throw new UnresolvedException($"calls '{id}(...)'"),
                _ => renderer.Variable(id),
            };
        }

        private string? Identifier()
        {
            Skip();
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_')) _pos++;
            return _pos > start ? text[start.._pos] : null;
        }

        private bool Peek(char c)
        {
            Skip();
            return _pos < text.Length && text[_pos] == c;
        }

        private void Skip()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
        }
    }

    private sealed class UnresolvedException(string message) : Exception(message);
}
