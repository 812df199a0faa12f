namespace Kalc.Iac.Cli;

/// <summary>The arguments are wrong: one line on stderr, exit 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException() { }

    public UsageException(string message) : base(message) { }

    public UsageException(string message, Exception inner) : base(message, inner) { }
}
