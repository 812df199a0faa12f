using System.Diagnostics;

namespace Kalc.Iac.Cli.Tests.Robustness;

/// <summary>A 64 KiB tmpfs, for a full disk that is real: mounted where root may mount (CI containers run as root);
/// null elsewhere.</summary>
internal sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    public static SmallDisk? Mount(string under)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var path = System.IO.Path.Combine(under, "disk");
        Directory.CreateDirectory(path);
        return Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", path) == 0 ? new SmallDisk(path) : null;
    }

    /// <summary>Fills the disk to its last byte.</summary>
    public void Fill()
    {
        using var fill = new FileStream(System.IO.Path.Combine(Path, "fill"), FileMode.Create, FileAccess.Write, FileShare.None, 1);
        var chunk = new byte[4096];
        try
        {
            while (true) fill.Write(chunk);
        }
        catch (IOException)
        {
            // full
        }
    }

    public void Dispose() => Run("umount", Path);

    private static int Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(start)!;
            p.WaitForExit();
            return p.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
