using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Kalc.Iac.Core;

/// <summary>Opens a file for reading by the bytes of its name (<see cref="FileNameBytes"/>), so a name that is not UTF-8
/// opens as well as any other. Elsewhere than Linux, .NET opens it by its name.</summary>
public static partial class RawFile
{
    private const int ReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC

    public static unsafe FileStream OpenRead(string path, int bufferSize = 1)
    {
        if (!OperatingSystem.IsLinux() || !FileNameBytes.NeedsBytes(path))
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, FileOptions.SequentialScan);
        var bytes = FileNameBytes.Of(path);
        int fd;
        fixed (byte* p = bytes) fd = Open(p, ReadOnlyCloseOnExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException(Marshal.GetPInvokeErrorMessage(errno));
        }
        return new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read, bufferSize);
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    private static unsafe partial int Open(byte* path, int flags);
}
