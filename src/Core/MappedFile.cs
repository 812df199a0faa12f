using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace Kalc.Iac.Core;

/// <summary>A file's bytes mapped into memory, read-only: a reader that is done with each file before the next gets its
/// bytes without copying them out of the page cache into fresh memory (which, for a 50 MB state dump, costs more than
/// parsing some of it). Dispose unmaps it.</summary>
public sealed unsafe class MappedFile : MemoryManager<byte>
{
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _pointer;
    private readonly int _length;

    private MappedFile(MemoryMappedFile? map, MemoryMappedViewAccessor? view, byte* pointer, int length)
    {
        _map = map;
        _view = view;
        _pointer = pointer;
        _length = length;
    }

    /// <summary>Maps <paramref name="file"/>; an unreadable file (or one over 2 GB) is an input error naming it.</summary>
    public static MappedFile Open(string file)
    {
        try
        {
            var length = new FileInfo(file).Length;
            if (length > Array.MaxLength) throw new InputException(new InputError(file, "too large to read (over 2 GB)"));
            if (length == 0) return new MappedFile(null, null, null, 0);
            var map = MemoryMappedFile.CreateFromFile(file, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
            var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            return new MappedFile(map, view, pointer + view.PointerOffset, (int)length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new InputError(file, "cannot read: " + e.Message));
        }
    }

    public override Span<byte> GetSpan() => new(_pointer, _length);

    public override MemoryHandle Pin(int elementIndex = 0) => new(_pointer + elementIndex);

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }
        _map?.Dispose();
    }
}
