namespace Kalc.Iac.Core;

/// <summary>A value that may be unknown (e.g. "(known after apply)" or a state we could not read).
/// Unknown is a value of its own, never null meaning "probably fine".</summary>
public readonly record struct Known<T>
{
    private Known(T? value, bool isKnown, string? why)
    {
        Value = value;
        IsKnown = isKnown;
        WhyUnknown = why;
    }

    public T? Value { get; }

    public bool IsKnown { get; }

    public string? WhyUnknown { get; }

    public static Known<T> Of(T value) => new(value, true, null);

    public static Known<T> Unknown(string why) => new(default, false, why);

    public override string ToString() => IsKnown ? Value?.ToString() ?? "null" : $"(unknown: {WhyUnknown})";
}
