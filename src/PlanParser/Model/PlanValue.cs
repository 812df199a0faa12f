using System.Collections.Immutable;
using System.Globalization;

namespace Kalc.Iac.PlanParser.Model;

/// <summary>A before/after value of a planned change, the same whether it came from plan JSON,
/// plan text or a Pulumi preview. Unknown ("known after apply") and Sensitive are values of their
/// own; a sensitive value's content is never kept, so it can never be printed.</summary>
public abstract record PlanValue
{
    public static readonly PlanValue Null = new PlanNull();
    public static readonly PlanValue Unknown = new PlanUnknown();
    public static readonly PlanValue Sensitive = new PlanSensitive();

    /// <summary>The value at a property of an object, or <see cref="Null"/>.</summary>
    public PlanValue this[string key] => this is PlanObject o && o.Properties.TryGetValue(key, out var v) ? v : Null;

    public string? AsString() => this switch
    {
        PlanString s => s.Value,
        PlanNumber n => n.Text,
        PlanBool b => b.Value ? "true" : "false",
        _ => null,
    };

    public IReadOnlyList<PlanValue> AsList() => this is PlanList l ? l.Items : [];

    /// <summary>As <see cref="AsList"/>, without boxing: for loops over every change of a large plan.</summary>
    public ImmutableArray<PlanValue> ListItems => this is PlanList l ? l.Items : [];

    public bool IsUnknown => this is PlanUnknown;

    public bool IsSensitive => this is PlanSensitive;

    public bool IsNull => this is PlanNull;
}

public sealed record PlanNull : PlanValue
{
    public override string ToString() => "null";
}

/// <summary>"(known after apply)" in text, <c>after_unknown</c> in JSON.</summary>
public sealed record PlanUnknown : PlanValue
{
    public override string ToString() => "(known after apply)";
}

/// <summary>"(sensitive value)" in text, <c>before_sensitive</c>/<c>after_sensitive</c> in JSON. No content.</summary>
public sealed record PlanSensitive : PlanValue
{
    public override string ToString() => "(sensitive value)";
}

public sealed record PlanString(string Value) : PlanValue
{
    public override string ToString() => Value;
}

/// <summary>A number kept as its text, so that 1e400 or a 64-bit id is not rounded.</summary>
public sealed record PlanNumber(string Text) : PlanValue
{
    public double AsDouble() => double.Parse(Text, CultureInfo.InvariantCulture);

    public override string ToString() => Text;
}

public sealed record PlanBool(bool Value) : PlanValue
{
    public override string ToString() => Value ? "true" : "false";
}

public sealed record PlanList(ImmutableArray<PlanValue> Items) : PlanValue
{
    public bool Equals(PlanList? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Length;
}

public sealed record PlanObject(PlanPropertyDictionary Properties) : PlanValue
{
    public static readonly PlanObject Empty = new(PlanPropertyDictionary.Empty);

    public bool Equals(PlanObject? other)
    {
        if (other is null || Properties.Count != other.Properties.Count) return false;
        if (Properties.SameNamesAs(other.Properties))
        {
            for (var i = 0; i < Properties.Count; i++)
                if (!Equals(Properties.ValueAt(i), other.Properties.ValueAt(i))) return false;
            return true;
        }
        foreach (var (name, value) in Properties)
            if (!other.Properties.TryGetValue(name, out var v) || !Equals(v, value)) return false;
        return true;
    }

    public override int GetHashCode() => Properties.Count;
}
