namespace Kalc.Iac.Cli;

/// <summary>Exit codes are public API (ARCHITECTURE.md): scripts and CI depend on them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int FindingsAtOrAboveFailOn = 1;
    public const int BadInput = 2;
    public const int Incomplete = 3;
}
