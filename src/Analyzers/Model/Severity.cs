namespace Kalc.Iac.Analyzers.Model;

/// <summary>Finding severity, ordered: a higher value is worse.</summary>
public enum Severity
{
    Info,
    Low,
    Medium,
    High,
    Critical,
}

public static class SeverityNames
{
    public static string ToWire(this Severity s) => s.ToString().ToLowerInvariant();

    public static bool TryParse(string text, out Severity severity) =>
        Enum.TryParse(text, ignoreCase: true, out severity) && Enum.IsDefined(severity);
}
