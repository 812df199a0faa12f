namespace Kalc.Iac.PulumiPolicy.Tests.Engine;

/// <summary>A <c>pulumi</c> executable for PATH that prints a recorded <c>pulumi stack export</c> (or fails like the
/// real CLI when the stack does not exist), and records the arguments it was given. It runs with no more than the PATH
/// the pack gives it, so it uses absolute paths only.</summary>
public sealed class FakePulumi : IDisposable
{
    private FakePulumi(string dir) => Directory = dir;

    public string Directory { get; }

    public string ArgsFile => Path.Combine(Directory, "args.txt");

    public string? LastArgs => File.Exists(ArgsFile) ? File.ReadAllText(ArgsFile).Trim() : null;

    public static FakePulumi Exporting(string exportFile) =>
        Create($"exec /bin/cat '{exportFile}'\n");

    public static FakePulumi Failing(string stderr, int exitCode) =>
        Create($"echo '{stderr}' >&2\nexit {exitCode}\n");

    private static FakePulumi Create(string body)
    {
        var dir = Path.Combine(Path.GetTempPath(), "kalc-fake-pulumi-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        var script = Path.Combine(dir, "pulumi");
        File.WriteAllText(script, $"#!/bin/sh\necho \"$@\" > '{Path.Combine(dir, "args.txt")}'\n{body}");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new FakePulumi(dir);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a temp directory left behind is harmless
        }
    }
}
