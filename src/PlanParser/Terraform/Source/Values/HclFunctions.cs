using System.Globalization;
using System.Text;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Source.Values;

/// <summary>The Terraform functions that names and identities are usually built with (string and collection
/// functions, https://developer.hashicorp.com/terraform/language/functions). Any other function, a call with the
/// wrong arguments, and a call on an unknown value give <see cref="PlanValue.Unknown"/>; a sensitive argument makes
/// the result sensitive.</summary>
public static class HclFunctions
{
    public static PlanValue Call(string name, IReadOnlyList<PlanValue> a)
    {
        if (a.Any(v => v is PlanSensitive)) return PlanValue.Sensitive;
        if (name is not ("coalesce" or "length" or "tolist" or "toset" or "concat" or "compact" or "merge") && a.Any(v => v is PlanUnknown)) return PlanValue.Unknown;
        if (a.Any(ContainsOpaque)) return PlanValue.Unknown;
        return name switch
        {
            "lower" when Str(a, 1) is [var s] => new PlanString(s.ToLowerInvariant()),
            "upper" when Str(a, 1) is [var s] => new PlanString(s.ToUpperInvariant()),
            "trimspace" when Str(a, 1) is [var s] => new PlanString(s.Trim()),
            "trimprefix" when Str(a, 2) is [var s, var p] => new PlanString(s.StartsWith(p, StringComparison.Ordinal) ? s[p.Length..] : s),
            "trimsuffix" when Str(a, 2) is [var s, var p] => new PlanString(s.EndsWith(p, StringComparison.Ordinal) ? s[..^p.Length] : s),
            "trim" when Str(a, 2) is [var s, var cut] => new PlanString(s.Trim(cut.ToCharArray())),
            "replace" when Str(a, 3) is [var s, var find, var with] && !(find.Length > 1 && find[0] == '/' && find[^1] == '/') && find.Length > 0 =>
                new PlanString(s.Replace(find, with, StringComparison.Ordinal)),
            "startswith" when Str(a, 2) is [var s, var p] => new PlanBool(s.StartsWith(p, StringComparison.Ordinal)),
            "endswith" when Str(a, 2) is [var s, var p] => new PlanBool(s.EndsWith(p, StringComparison.Ordinal)),
            "strcontains" when Str(a, 2) is [var s, var p] => new PlanBool(s.Contains(p, StringComparison.Ordinal)),
            "substr" => Substr(a),
            "format" => Format(a),
            "join" when a is [var sep, PlanList l] && sep.AsString() is { } j && l.Items.All(IsPrimitive) => new PlanString(string.Join(j, l.Items.Select(i => i.AsString()))),
            "split" when Str(a, 2) is [var sep, var s] && sep.Length > 0 => new PlanList([.. s.Split(sep).Select(p => (PlanValue)new PlanString(p))]),
            "tostring" when a is [var v] && IsPrimitive(v) => new PlanString(v.AsString()!),
            "tostring" when a is [PlanNull] => PlanValue.Null,
            "tonumber" when a is [var v] && ExpressionEvaluator.Decimal(v, out var d) => ExpressionEvaluator.Number(d),
            "coalesce" => a.FirstOrDefault(v => v is PlanUnknown || (v is not PlanNull && v.AsString() is not "")) ?? PlanValue.Unknown,
            "length" when a is [PlanList l] => Count(l.Items.Length),
            "length" when a is [PlanObject o] => Count(o.Properties.Count),
            "length" when a is [PlanString s] => Count(new StringInfo(s.Value).LengthInTextElements),
            "concat" when a.All(v => v is PlanList) => new PlanList([.. a.SelectMany(v => ((PlanList)v).Items)]),
            "compact" when a is [PlanList l] && l.Items.All(i => i is PlanString or PlanNull) => new PlanList([.. l.Items.Where(i => i is PlanString { Value.Length: > 0 })]),
            "element" when a is [PlanList { Items.Length: > 0 } l, var i] && Index(i) is { } n => l.Items[n % l.Items.Length],
            "lookup" when a is [PlanObject o, var k, ..] && a.Count <= 3 && k.AsString() is { } key =>
                o.Properties.TryGetValue(key, out var v) ? v : a.Count == 3 ? a[2] : PlanValue.Unknown,
            "merge" when a.All(v => v is PlanObject or PlanNull) => new PlanObject(PlanPropertyDictionary.From(a.OfType<PlanObject>().SelectMany(o => o.Properties))),
            "tolist" when a is [PlanList l] => l,
            "toset" when a is [PlanList l] => ToSet(l),
            "tomap" when a is [PlanObject o] => o,
            "contains" when a is [PlanList l, var v] => new PlanBool(l.Items.Contains(v)),
            "keys" when a is [PlanObject o] => new PlanList([.. o.Properties.Keys.Order(StringComparer.Ordinal).Select(k => (PlanValue)new PlanString(k))]),
            "values" when a is [PlanObject o] => new PlanList([.. o.Properties.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value)]),
            "distinct" when a is [PlanList l] => new PlanList([.. l.Items.Distinct()]),
            _ => PlanValue.Unknown,
        };
    }

    private static bool IsPrimitive(PlanValue v) => v is PlanString or PlanNumber or PlanBool;

    /// <summary>Whether an unknown or sensitive value is inside a list or object.</summary>
    private static bool ContainsOpaque(PlanValue v) => v switch
    {
        PlanList l => l.Items.Any(i => ExpressionEvaluator.Opaque(i) || ContainsOpaque(i)),
        PlanObject o => o.Properties.Values.Any(i => ExpressionEvaluator.Opaque(i) || ContainsOpaque(i)),
        _ => false,
    };

    /// <summary>The arguments as strings when there are exactly <paramref name="count"/> and each is a primitive.</summary>
    private static string[]? Str(IReadOnlyList<PlanValue> a, int count) =>
        a.Count == count && a.All(IsPrimitive) ? [.. a.Select(v => v.AsString()!)] : null;

    private static PlanValue Count(int n) => new PlanNumber(n.ToString(CultureInfo.InvariantCulture));

    private static int? Index(PlanValue v) =>
        int.TryParse(v.AsString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 ? i : null;

    /// <summary>A set of strings is ordered lexically (cty's set ordering for strings); other elements keep their order.</summary>
    private static PlanValue ToSet(PlanList l) =>
        l.Items.All(i => i is PlanString)
            ? new PlanList([.. l.Items.Cast<PlanString>().Select(s => s.Value).Distinct().Order(StringComparer.Ordinal).Select(s => (PlanValue)new PlanString(s))])
            : new PlanList([.. l.Items.Distinct()]);

    private static PlanValue Substr(IReadOnlyList<PlanValue> a)
    {
        if (a is not [PlanString s, var o, var n] || !int.TryParse(o.AsString(), CultureInfo.InvariantCulture, out var offset)
            || !int.TryParse(n.AsString(), CultureInfo.InvariantCulture, out var length)) return PlanValue.Unknown;
        var text = s.Value;
        if (offset < 0) offset = Math.Max(0, text.Length + offset);
        if (offset > text.Length) return PlanValue.Unknown;
        var take = length < 0 ? text.Length - offset : Math.Min(length, text.Length - offset);
        return new PlanString(text.Substring(offset, take));
    }

    /// <summary>format() with the verbs names are built with: %s, %d, %v, %%; any other verb or flag is unknown.</summary>
    private static PlanValue Format(IReadOnlyList<PlanValue> a)
    {
        if (a.Count == 0 || a[0] is not PlanString spec) return PlanValue.Unknown;
        var text = new StringBuilder();
        var next = 1;
        var f = spec.Value;
        for (var i = 0; i < f.Length; i++)
        {
            if (f[i] != '%')
            {
                text.Append(f[i]);
                continue;
            }
            if (++i >= f.Length) return PlanValue.Unknown;
            if (f[i] == '%')
            {
                text.Append('%');
                continue;
            }
            if (f[i] is not ('s' or 'd' or 'v') || next >= a.Count || !IsPrimitive(a[next])) return PlanValue.Unknown;
            if (f[i] == 'd' && !long.TryParse(a[next].AsString(), CultureInfo.InvariantCulture, out _)) return PlanValue.Unknown;
            text.Append(a[next++].AsString());
        }
        return next == a.Count ? new PlanString(text.ToString()) : PlanValue.Unknown;
    }
}
