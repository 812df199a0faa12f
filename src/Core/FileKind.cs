namespace Kalc.Iac.Core;

/// <summary>The type of a file, as <c>stat</c> tells it (after following links).</summary>
public enum FileKind
{
    Regular,
    Directory,
    Fifo,
    Device,
    Socket,
    Other,
}
