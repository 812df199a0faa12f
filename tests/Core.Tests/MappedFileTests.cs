using Kalc.Iac.Core;

namespace Kalc.Iac.Core.Tests;

public sealed class MappedFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kalc-mapped-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_mapped_file_gives_exactly_its_bytes()
    {
        var bytes = Enumerable.Range(0, 200_003).Select(i => (byte)(i * 31)).ToArray();
        var file = Path.Combine(_dir, "dump.json");
        File.WriteAllBytes(file, bytes);

        using var mapped = MappedFile.Open(file);

        Assert.True(mapped.Memory.Span.SequenceEqual(bytes));
    }

    [Fact]
    public void An_empty_file_maps_to_no_bytes()
    {
        var file = Path.Combine(_dir, "empty.json");
        File.WriteAllBytes(file, []);

        using var mapped = MappedFile.Open(file);

        Assert.Equal(0, mapped.Memory.Length);
    }

    [Fact]
    public void A_missing_file_is_an_input_error_naming_it()
    {
        var file = Path.Combine(_dir, "gone.json");

        var e = Assert.Throws<InputException>(() => MappedFile.Open(file));

        Assert.Equal(file, e.Error.File);
        Assert.StartsWith("no such file", e.Error.Reason, StringComparison.Ordinal);
    }
}
