namespace Kalc.Iac.Analyzers.Model;

/// <summary>How one resource change was handled: nothing is dropped silently.</summary>
public enum MappingStatus
{
    /// <summary>A type the analyzers understand, with enough values to judge.</summary>
    Analysed,

    /// <summary>A resource type no rule looks at.</summary>
    Unsupported,

    /// <summary>A supported type whose identifying values are unknown (known after apply, hidden in a text plan).</summary>
    Unknown,
}
