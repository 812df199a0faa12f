using System.Text;

namespace Kalc.Iac.Cli.Tests.Robustness;

/// <summary>A stream the other end closed: every write fails as a closed stdout or stderr does (EPIPE/EBADF).</summary>
internal sealed class ClosedWriter : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => throw new IOException("Broken pipe");

    public override void Write(string? value) => throw new IOException("Broken pipe");

    public override void Flush() => throw new IOException("Broken pipe");
}
