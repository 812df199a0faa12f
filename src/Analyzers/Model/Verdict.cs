namespace Kalc.Iac.Analyzers.Model;

public enum Verdict
{
    /// <summary>Nothing breaks and all the state needed to say so was read.</summary>
    Safe,

    /// <summary>At least one finding.</summary>
    Breaks,

    /// <summary>No finding, but state was missing or a read failed: we do not know.</summary>
    Incomplete,
}
