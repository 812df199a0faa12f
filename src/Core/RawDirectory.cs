using System.Runtime.InteropServices;

namespace Kalc.Iac.Core;

/// <summary>Lists a directory's names as the bytes they are (opendir/readdir of the C library), for the directories whose
/// names .NET cannot decode (<see cref="FileNameBytes"/>). <c>struct dirent</c> has <c>d_name</c> at byte 19 in glibc
/// and musl on 64-bit Linux (after d_ino, d_off, d_reclen, d_type).</summary>
internal static partial class RawDirectory
{
    private const int NameOffset = 19;

    /// <summary>Full paths of the entries of <paramref name="dir"/> (not . and ..), names decoded by
    /// <see cref="FileNameBytes.Decode"/>; null where this cannot be done (not 64-bit Linux, or the listing failed).</summary>
    public static unsafe List<string>? List(string dir)
    {
        if (!OperatingSystem.IsLinux() || IntPtr.Size != 8) return null;
        try
        {
            var bytes = FileNameBytes.Of(dir);
            IntPtr handle;
            fixed (byte* p = bytes) handle = OpenDir(p);
            if (handle == IntPtr.Zero) return null;
            try
            {
                var names = new List<string>();
                for (var entry = ReadDir(handle); entry != null; entry = ReadDir(handle))
                {
                    var name = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(entry + NameOffset);
                    if (name.SequenceEqual("."u8) || name.SequenceEqual(".."u8)) continue;
                    names.Add(Path.Join(dir, FileNameBytes.Decode(name)));
                }
                return names;
            }
            finally
            {
                _ = CloseDir(handle);
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "opendir")]
    private static unsafe partial IntPtr OpenDir(byte* name);

    [LibraryImport("libc", EntryPoint = "readdir")]
    private static unsafe partial byte* ReadDir(IntPtr dir);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDir(IntPtr dir);
}
