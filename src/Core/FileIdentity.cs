using System.Runtime.InteropServices;
using System.Text;

namespace Kalc.Iac.Core;

/// <summary>What makes two paths the same file: the device and inode number <c>stat</c> reports, after following
/// links (so a symlink or a hard link to an input is that input). Read with <c>statx(2)</c>
/// (https://man7.org/linux/man-pages/man2/statx.2.html), whose result has the same layout on every Linux
/// architecture. Where there is no statx (not Linux), the identity is the full path with its links resolved.</summary>
public readonly partial record struct FileIdentity(ulong Device, ulong Inode, string? Path)
{
    /// <summary>What kind of file it is (not part of the identity's equality in practice: the same inode has one kind).</summary>
    public FileKind Kind { get; init; }

    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;

    /// <summary>The file's identity, or null when it does not exist (or cannot be looked at).</summary>
    public static FileIdentity? Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                return OfLinux(path);
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                // An old C library without statx: fall through to the path.
            }
        }
        try
        {
            if (!System.IO.Path.Exists(path)) return null;
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            var target = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
            return new FileIdentity(0, 0, System.IO.Path.GetFullPath(target.FullName))
            {
                Kind = Directory.Exists(path) ? FileKind.Directory : FileKind.Regular,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static unsafe FileIdentity? OfLinux(string path)
    {
        var bytes = FileNameBytes.Of(path);
        var buffer = stackalloc byte[256];
        fixed (byte* p = bytes)
        {
            if (Statx(AtFdCwd, p, 0, StatxBasicStats, buffer) != 0) return null;
        }
        // struct statx: stx_ino at 32, stx_dev_major at 136, stx_dev_minor at 140.
        var inode = *(ulong*)(buffer + 32);
        var device = ((ulong)*(uint*)(buffer + 136) << 32) | *(uint*)(buffer + 140);
        // stx_mode at 28: the file type bits (S_IFMT) of inode(7).
        var kind = (*(ushort*)(buffer + 28) & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 or 0x6000 => FileKind.Device,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
        return new FileIdentity(device, inode, null) { Kind = kind };
    }

    [LibraryImport("libc", EntryPoint = "statx")]
    private static unsafe partial int Statx(int dirfd, byte* path, int flags, uint mask, byte* buffer);
}

