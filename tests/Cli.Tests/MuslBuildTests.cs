using System.Buffers.Binary;
using System.Text;

namespace Kalc.Iac.Cli.Tests;

/// <summary>The linux-musl-x64 build (Alpine, the official Atlantis image) that test.sh publishes to .build/musl
/// (self-contained, single file): an executable for the musl dynamic loader, not glibc's. It cannot run on this glibc
/// machine; the ELF program headers say which loader it asks for (the System V ABI's PT_INTERP, elf(5)).</summary>
public sealed class MuslBuildTests
{
    private static string? Binary =>
        Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, ".build", "musl", "kalc-iac") is var path && File.Exists(path) ? path : null;

    [MuslFact]
    public void The_musl_build_is_an_x64_executable_for_the_musl_loader()
    {
        var (machine, interpreter) = Elf(File.ReadAllBytes(Binary!));

        Assert.Equal(62, machine); // EM_X86_64
        Assert.Equal("/lib/ld-musl-x86_64.so.1", interpreter);
        if (!OperatingSystem.IsWindows()) Assert.True((File.GetUnixFileMode(Binary!) & UnixFileMode.UserExecute) != 0, "not executable");
    }

    [Fact]
    public void The_elf_reader_finds_the_interpreter_of_this_machines_dotnet_host()
    {
        // The reader itself, on a binary that exists everywhere the tests run: the dotnet host is a glibc (or musl) ELF.
        var host = Environment.ProcessPath!;
        var (machine, interpreter) = Elf(File.ReadAllBytes(host));

        Assert.True(machine is 62 or 183, $"e_machine {machine}");
        Assert.Matches(@"^/lib(64)?/ld-(linux-x86-64\.so\.2|linux-aarch64\.so\.1|musl-(x86_64|aarch64)\.so\.1)$", interpreter);
    }

    /// <summary>e_machine and the PT_INTERP string of a 64-bit little-endian ELF file.</summary>
    private static (int Machine, string? Interpreter) Elf(byte[] file)
    {
        Assert.True(file.Length > 64 && file[0] == 0x7F && file[1] == (byte)'E' && file[2] == (byte)'L' && file[3] == (byte)'F', "not an ELF file");
        Assert.Equal(2, file[4]); // ELFCLASS64
        Assert.Equal(1, file[5]); // little-endian
        var span = file.AsSpan();
        int machine = BinaryPrimitives.ReadUInt16LittleEndian(span[0x12..]);
        var phoff = (long)BinaryPrimitives.ReadUInt64LittleEndian(span[0x20..]);
        int phentsize = BinaryPrimitives.ReadUInt16LittleEndian(span[0x36..]);
        int phnum = BinaryPrimitives.ReadUInt16LittleEndian(span[0x38..]);
        for (var i = 0; i < phnum; i++)
        {
            var header = span[(int)(phoff + i * phentsize)..];
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != 3) continue; // PT_INTERP
            var offset = (int)BinaryPrimitives.ReadUInt64LittleEndian(header[0x08..]);
            var size = (int)BinaryPrimitives.ReadUInt64LittleEndian(header[0x20..]);
            return (machine, Encoding.ASCII.GetString(file, offset, size).TrimEnd('\0'));
        }
        return (machine, null);
    }

    private sealed class MuslFactAttribute : FactAttribute
    {
        public MuslFactAttribute()
        {
            if (Binary is null) Skip = "no linux-musl-x64 build at .build/musl/kalc-iac (test.sh publishes it)";
        }
    }
}
