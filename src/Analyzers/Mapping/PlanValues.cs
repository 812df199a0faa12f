using System.Collections.Immutable;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Mapping;

/// <summary>Reads typed attribute values out of a planned before/after object.</summary>
public static class PlanValues
{
    /// <summary>"ATTRIBUTE is known only after apply", one string per attribute: a large plan's creates say it of the
    /// same few attributes tens of thousands of times.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> AfterApply = new(StringComparer.Ordinal);

    private static string KnownAfterApply(string attribute) =>
        AfterApply.GetOrAdd(attribute, static a => $"{a} is known only after apply");

    /// <summary>Reads a change's before and after values with <paramref name="read"/>. The plan reader gives a change whose
    /// values did not change one object for both (half of a large plan is no-ops): that one is read once.</summary>
    public static (T? Before, T? After) BothSides<T>(ResourceChange change, Func<PlanValue, T?> read) where T : class
    {
        var before = read(change.Before);
        return (before, ReferenceEquals(change.After, change.Before) ? before : read(change.After));
    }

    /// <summary>A string attribute: known value, known null (absent), or unknown (known after apply / sensitive).</summary>
    public static Known<string?> Str(PlanValue obj, string attribute)
    {
        var v = obj[attribute];
        return v switch
        {
            PlanUnknown => Known<string?>.Unknown(KnownAfterApply(attribute)),
            PlanSensitive => Known<string?>.Unknown($"{attribute} is sensitive"),
            PlanNull => Known<string?>.Of(null),
            _ when v.AsString() is { } s => Known<string?>.Of(s.Length == 0 ? null : s),
            _ => Known<string?>.Unknown($"{attribute} is not a string"),
        };
    }

    /// <summary>A set/list of strings; unknown when the list or any element is unknown.</summary>
    public static Known<IReadOnlyList<string>> Strings(PlanValue obj, string attribute)
    {
        if (StringItems(obj, attribute, out var items) is { } why) return Known<IReadOnlyList<string>>.Unknown(why);
        var result = new string[items.Length];
        for (var i = 0; i < items.Length; i++) result[i] = items[i].AsString()!;
        return Known<IReadOnlyList<string>>.Of(result);
    }

    /// <summary>The items of a set/list of strings, each of which <see cref="PlanValue.AsString"/> reads (none when null), or
    /// why they are not known, as <see cref="Strings"/> says it; without copying them.</summary>
    public static string? StringItems(PlanValue obj, string attribute, out ImmutableArray<PlanValue> items)
    {
        items = [];
        var v = obj[attribute];
        if (v is PlanUnknown or PlanSensitive) return KnownAfterApply(attribute);
        if (v is PlanNull) return null;
        if (v is not PlanList list) return $"{attribute} is not a list";
        foreach (var item in list.Items)
            if (item.AsString() is null) return $"an element of {attribute} is known only after apply";
        items = list.Items;
        return null;
    }

    /// <summary>The first element of a nested block list (e.g. <c>iam_instance_profile { ... }</c>), or the value itself when an object.</summary>
    public static PlanValue Block(PlanValue obj, string attribute)
    {
        var v = obj[attribute];
        return v is PlanList { Items.Length: > 0 } l ? l.Items[0] : v;
    }
}
