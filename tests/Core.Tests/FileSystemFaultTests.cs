using System.Diagnostics;
using System.Text;
using Kalc.Iac.Core;

namespace Kalc.Iac.Core.Tests;

/// <summary>The file-system conditions a state directory can hold end as a listing or an error naming the file, never a
/// hang or an exception: links back up the tree, FIFOs, devices, names that are not UTF-8.</summary>
public sealed class FileSystemFaultTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kalc-fs-faults-").FullName;

    // .NET cannot delete a file whose name is not UTF-8: rm can.
    public void Dispose() => Run(null, "rm", "-rf", _dir);

    private string Write(string relative, string text = "{}")
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_link_back_up_the_tree_is_entered_once_and_the_listing_ends()
    {
        Write("a.json");
        Write("sub/b.json");
        File.CreateSymbolicLink(Path.Combine(_dir, "loop"), ".");
        File.CreateSymbolicLink(Path.Combine(_dir, "sub", "up"), "..");

        var listing = DumpFiles.List(_dir);

        // Each directory is read once, whichever name reached it first: a.json and b.json, each once.
        Assert.Equal(2, listing.Files.Length);
        Assert.Single(listing.Files, f => f.EndsWith("a.json", StringComparison.Ordinal));
        Assert.Single(listing.Files, f => f.EndsWith("b.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_links_to_one_directory_list_its_files_once()
    {
        Write("real/x.json");
        File.CreateSymbolicLink(Path.Combine(_dir, "l1"), "real");
        File.CreateSymbolicLink(Path.Combine(_dir, "l2"), "real");

        Assert.Single(DumpFiles.List(_dir).Files);
    }

    [Fact]
    public void A_fifo_in_a_state_directory_is_an_error_naming_it_not_a_wait()
    {
        if (!OperatingSystem.IsLinux()) return;
        var fifo = Path.Combine(_dir, "pipe.json");
        MakeFifo(fifo);

        var file = Assert.Single(DumpFiles.List(_dir).Files);
        var e = Assert.Throws<InputException>(() => MappedFile.Open(file));

        Assert.Equal(fifo, e.Error.File);
        Assert.Contains("FIFO", e.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_as_a_state_file_is_an_error_naming_it()
    {
        if (!File.Exists("/dev/zero")) return;

        var e = Assert.Throws<InputException>(() => MappedFile.Open("/dev/zero"));

        Assert.Equal("/dev/zero", e.Error.File);
        Assert.Contains("device", e.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_whose_name_is_not_utf8_is_listed_and_read_by_its_bytes()
    {
        if (!OperatingSystem.IsLinux()) return;
        Write("good.json", "{\"ok\":1}");
        var bad = CreateWithByteName(_dir, [(byte)'b', (byte)'a', (byte)'d', 0xFF, 0xFE, (byte)'.', (byte)'j', (byte)'s', (byte)'o', (byte)'n'], "{\"bad\":2}");

        var files = DumpFiles.List(_dir).Files;

        Assert.Equal(2, files.Length);
        var badFile = Assert.Single(files, f => f.Contains('\uDCFF', StringComparison.Ordinal));
        using var mapped = MappedFile.Open(badFile);
        Assert.Equal("{\"bad\":2}", Encoding.UTF8.GetString(mapped.Memory.Span));
        Assert.True(FileNameBytes.Of(badFile)[..^1].AsSpan().EndsWith(bad));
        Assert.EndsWith("bad\\xFF\\xFE.json", ErrorText.Line(badFile), StringComparison.Ordinal);
    }

    [Fact]
    public void Dev_zero_with_a_limit_is_refused_at_the_limit_not_read_for_ever()
    {
        if (!File.Exists("/dev/zero")) return;

        var e = Assert.Throws<InputException>(() => BoundedFile.ReadAll("/dev/zero", "/dev/zero", 1 << 20, "a config file"));

        Assert.Contains("larger than 1 MiB", e.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regular_file_over_the_limit_is_refused_from_its_size()
    {
        var path = Path.Combine(_dir, "big");
        using (var f = File.Create(path)) f.SetLength(3L << 30); // sparse: 3 GiB that occupy nothing

        var e = Assert.Throws<InputException>(() => BoundedFile.ReadAll(path, path, 1 << 20, "a config file"));

        Assert.Contains("refused unread", e.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Hard_and_symbolic_links_are_the_same_file_and_a_copy_is_not()
    {
        var a = Write("a.json");
        var copy = Write("copy.json");
        var sym = Path.Combine(_dir, "sym.json");
        File.CreateSymbolicLink(sym, a);
        var hard = Path.Combine(_dir, "hard.json");
        Run(null, "ln", a, hard);

        Assert.Equal(FileIdentity.Of(a), FileIdentity.Of(sym));
        Assert.Equal(FileIdentity.Of(a), FileIdentity.Of(hard));
        Assert.NotEqual(FileIdentity.Of(a), FileIdentity.Of(copy));
        Assert.Null(FileIdentity.Of(Path.Combine(_dir, "none")));
    }

    [Fact]
    public void A_window_never_cuts_a_character()
    {
        // 'a' then 3-byte characters: a cut at 5 falls inside the second one.
        var bytes = Encoding.UTF8.GetBytes("a日本語");

        Assert.Equal(4, InputText.WholeCharacters(bytes, 5).Length);
        Assert.Equal(4, InputText.WholeCharacters(bytes, 6).Length);
        Assert.Equal(7, InputText.WholeCharacters(bytes, 7).Length);
        Assert.Equal(bytes.Length, InputText.WholeCharacters(bytes, 100).Length);
    }

    private static void MakeFifo(string path) => Run(null, "mkfifo", path);

    /// <summary>Creates a file whose name is raw bytes through the shell (.NET cannot name it), returns the bytes.</summary>
    private static byte[] CreateWithByteName(string dir, byte[] name, string content)
    {
        var octal = string.Concat(name.Select(b => "\\" + Convert.ToString(b, 8).PadLeft(3, '0')));
        Run(dir, "sh", "-c", $"printf '%s' '{content}' > \"$(printf '{octal}')\"");
        return name;
    }

    private static void Run(string? dir, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = dir ?? "" };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }
}
