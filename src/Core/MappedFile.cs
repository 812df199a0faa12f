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

    /// <summary>Maps <paramref name="file"/>; a file that is missing, unreadable, not a regular file (a directory, a
    /// FIFO, a device) or over 2 GB is an input error naming it, found before anything is read.</summary>
    public static MappedFile Open(string file)
    {
        var kind = FileIdentity.Of(file)?.Kind;
        switch (kind)
        {
            case null: throw new InputException(new InputError(file, "no such file (or a link to nothing)"));
            case FileKind.Directory: throw new InputException(new InputError(file, "is a directory, not a file"));
            case FileKind.Fifo: throw new InputException(new InputError(file, "is a FIFO (named pipe), not a file: state is read from regular files"));
            case FileKind.Device or FileKind.Socket or FileKind.Other: throw new InputException(new InputError(file, "is a device or socket, not a file: state is read from regular files"));
        }
        FileStream? stream = null;
        try
        {
            stream = RawFile.OpenRead(file);
            var length = stream.Length;
            if (length > Array.MaxLength) throw new InputException(new InputError(file, "too large to read (a state file is at most 2 GiB)"));
            if (length == 0)
            {
                stream.Dispose();
                return new MappedFile(null, null, null, 0);
            }
            var map = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            stream = null;
            var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            return new MappedFile(map, view, pointer + view.PointerOffset, (int)length);
        }
        catch (UnauthorizedAccessException)
        {
            throw new InputException(new InputError(file, "permission denied"));
        }
        catch (IOException e)
        {
            throw new InputException(new InputError(file, "cannot read: " + e.Message));
        }
        finally
        {
            stream?.Dispose();
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
