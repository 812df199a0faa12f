namespace Kalc.Iac.PlanParser.Binary;

/// <summary>Finds and runs the terraform / tofu executables; an interface so that conversion is testable without them.</summary>
public interface IPlanToolRunner
{
    /// <summary>Full path of an executable on PATH, or null when it is not installed.</summary>
    string? Find(string executable);

    /// <summary>Runs it to completion or until <paramref name="timeout"/>, capturing stdout as bytes.</summary>
    ToolRun Run(string executablePath, IReadOnlyList<string> arguments, TimeSpan timeout);
}

/// <summary>What a tool run produced.</summary>
public sealed record ToolRun(int ExitCode, byte[] Stdout, string Stderr, bool TimedOut = false);
