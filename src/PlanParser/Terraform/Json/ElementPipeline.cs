using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Json;

/// <summary>Reads the elements of one change array on a second thread while the first keeps tokenizing the input:
/// the thread that owns the stream finds each element's bytes and copies them into batches, this one maps them onto
/// <see cref="ResourceChange"/>s in order. A batch queue of bounded length keeps memory flat. The first error in file
/// order wins: an element's error (found here) comes before whatever the tokenizer found after it.</summary>
internal sealed class ElementPipeline : IDisposable
{
    private const int BatchBytes = 256 * 1024;
    private readonly BlockingCollection<Batch> _queue = new(boundedCapacity: 8);
    private readonly ResourceChangeElement _elements;
    private readonly string _file;
    private readonly string _array;
    private readonly ImmutableArray<ResourceChange>.Builder _into;
    private readonly Thread _worker;
    private readonly ConcurrentQueue<byte[]> _free = new();
    private Batch _current;
    private ExceptionDispatchInfo? _failure;
    private int _index;
    private bool _openTofu;

    public ElementPipeline(ResourceChangeElement elements, string file, string array, ImmutableArray<ResourceChange>.Builder into)
    {
        _elements = elements;
        _file = file;
        _array = array;
        _into = into;
        _current = NewBatch(BatchBytes);
        _worker = new Thread(Work) { IsBackground = true, Name = "kalc-iac plan elements" };
        _worker.Start();
    }

    /// <summary>True once an element failed: the caller may stop reading.</summary>
    public bool Failed => Volatile.Read(ref _failure) is not null;

    /// <summary>Queues one element (its UTF-8 text, copied) that starts on <paramref name="line"/>.</summary>
    public void Add(ReadOnlySpan<byte> element, int line)
    {
        if (!_current.Fits(element.Length))
        {
            Post();
            if (!_current.Fits(element.Length)) _current = NewBatch(element.Length);
        }
        _current.Add(element, line, _index++);
    }

    /// <summary>Waits for every queued element; rethrows the first element's error; returns whether any change names an
    /// OpenTofu provider.</summary>
    public bool Complete()
    {
        Finish();
        _failure?.Throw();
        return _openTofu;
    }

    /// <summary>Waits for every queued element; returns whether one failed.</summary>
    public bool Settle()
    {
        Finish();
        return _failure is not null;
    }

    public void Dispose()
    {
        Finish();
        _queue.Dispose();
    }

    private void Finish()
    {
        if (_queue.IsAddingCompleted) return;
        Post();
        _queue.CompleteAdding();
        _worker.Join();
    }

    private void Post()
    {
        if (_current.Count == 0) return;
        _queue.Add(_current);
        _current = NewBatch(BatchBytes);
    }

    private void Work()
    {
        foreach (var batch in _queue.GetConsumingEnumerable())
        {
            try
            {
                if (_failure is null) Read(batch);
            }
            catch (Exception e)
            {
                Volatile.Write(ref _failure, ExceptionDispatchInfo.Capture(e));
            }
            finally
            {
                // Back to the reading thread for the next batch: the same few buffers go round and round.
                if (batch.Bytes.Length == BatchBytes) _free.Enqueue(batch.Bytes);
            }
        }
    }

    private void Read(Batch batch)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            var (offset, length, line, index) = batch.Element(i);
            var source = new SourceRef(_file, line, ResourceChangeElement.Describe(index, _array));
            ResourceChange change;
            try
            {
                change = _elements.Read(batch.Bytes.AsMemory(offset, length), source);
            }
            catch (InputException e) when (e.Error.File == "?")
            {
                throw new InputException(e.Error with { File = _file, Line = line });
            }
            _openTofu |= ProducerName.IsOpenTofuProvider(change.ProviderName);
            _into.Add(change);
        }
    }

    private Batch NewBatch(int atLeast) =>
        new(atLeast <= BatchBytes && _free.TryDequeue(out var bytes) ? bytes : new byte[Math.Max(BatchBytes, atLeast)]);

    /// <summary>Elements copied end to end into one buffer.</summary>
    private sealed class Batch(byte[] bytes)
    {
        private readonly List<(int Offset, int Length, int Line, int Index)> _elements = [];
        private int _used;

        public byte[] Bytes { get; } = bytes;

        public int Count => _elements.Count;

        public bool Fits(int length) => Bytes.Length - _used >= length;

        public void Add(ReadOnlySpan<byte> element, int line, int index)
        {
            element.CopyTo(Bytes.AsSpan(_used));
            _elements.Add((_used, element.Length, line, index));
            _used += element.Length;
        }

        public (int Offset, int Length, int Line, int Index) Element(int i) => _elements[i];
    }
}
