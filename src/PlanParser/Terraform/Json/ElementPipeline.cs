using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Json;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Json;

/// <summary>Maps the elements of one change array on worker threads while the reading thread keeps tokenizing the
/// input: the reading thread finds each element's bytes and copies them into numbered batches; each worker (one per
/// core, at most <see cref="MaxWorkers"/>, each with its own <see cref="ResourceChangeElement"/>) maps whole batches, and
/// the results are put back in batch order. A batch queue of bounded length keeps memory flat. The first error in file
/// order wins: an element's error (found by a worker) comes before any later element's, and before whatever the
/// tokenizer found after it.</summary>
internal sealed class ElementPipeline : IDisposable
{
    /// <summary>A batch's buffer: some 40 elements of a typical plan. The buffers in flight (the queue's, the workers' and
    /// the one being filled) are all the reader holds of the input besides its window.</summary>
    private const int BatchBytes = 64 * 1024;
    private const int MaxWorkers = 2;
    private readonly BlockingCollection<Batch> _queue = new(boundedCapacity: 8);
    private readonly string _file;
    private readonly string _array;
    private readonly SourceRef _elements;
    private readonly ImmutableArray<ResourceChange>.Builder _into;
    private readonly Thread[] _workers;
    private readonly ConcurrentQueue<Batch> _free = new();
    private readonly ConcurrentDictionary<int, ResourceChange[]> _results = new();
    private readonly object _failureLock = new();
    private Batch _current;
    private Failure? _failure;
    private int _index;
    private int _batches;
    private bool _finished;

    public ElementPipeline(Func<ResourceChangeElement> elements, string file, string array, ImmutableArray<ResourceChange>.Builder into)
    {
        _file = file;
        _array = array;
        _elements = SourceRef.ElementsOf(file, array);
        _into = into;
        _current = NewBatch(BatchBytes);
        _workers = new Thread[Math.Clamp(Environment.ProcessorCount, 1, MaxWorkers)];
        for (var i = 0; i < _workers.Length; i++)
        {
            var reader = elements();
            _workers[i] = new Thread(() => Work(reader)) { IsBackground = true, Name = "kalc-iac plan elements" };
            _workers[i].Start();
        }
    }

    /// <summary>True once an element failed: the caller may stop reading.</summary>
    public bool Failed => Volatile.Read(ref _failure) is not null;

    /// <summary>Queues one element (its UTF-8 text, copied) that starts at <paramref name="line"/> and
    /// <paramref name="column"/>. The element is checked to be valid JSON when it is mapped.</summary>
    public void Add(ReadOnlySpan<byte> element, int line, int column)
    {
        if (!_current.Fits(element.Length))
        {
            Post();
            if (!_current.Fits(element.Length)) _current = NewBatch(element.Length);
        }
        _current.Add(element, line, column, _index++);
    }

    /// <summary>How many elements have been queued.</summary>
    public int Count => _index;

    /// <summary>Waits for every queued element; rethrows the first element's error; else adds the changes in order and
    /// returns whether any names an OpenTofu provider.</summary>
    public bool Complete()
    {
        Finish();
        _failure?.Error.Throw();
        // Every change goes in at once: room for all of them, not a doubling per power of two.
        _into.Capacity = Math.Max(_into.Capacity, _into.Count + _index);
        var openTofu = false;
        for (var b = 0; b < _batches; b++)
        {
            foreach (var change in _results[b])
            {
                openTofu |= ProducerName.IsOpenTofuProvider(change.ProviderName);
                _into.Add(change);
            }
        }
        return openTofu;
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
        if (_finished) return;
        _finished = true;
        Post();
        _queue.CompleteAdding();
        foreach (var worker in _workers) worker.Join();
    }

    private void Post()
    {
        if (_current.Count == 0) return;
        _current.Number = _batches++;
        _queue.Add(_current);
        _current = NewBatch(BatchBytes);
    }

    private void Work(ResourceChangeElement elements)
    {
        foreach (var batch in _queue.GetConsumingEnumerable())
        {
            try
            {
                // After a failure, only batches before it can still hold the first error.
                if (Volatile.Read(ref _failure) is not { } failed || batch.Number < failed.Batch)
                    _results[batch.Number] = Read(elements, batch);
            }
            catch (Exception e)
            {
                lock (_failureLock)
                {
                    if (_failure is not { } earlier || batch.Number < earlier.Batch)
                        Volatile.Write(ref _failure, new Failure(batch.Number, ExceptionDispatchInfo.Capture(e)));
                }
            }
            finally
            {
                // Back to the reading thread for the next batch: the same few buffers go round and round.
                if (batch.Bytes.Length == BatchBytes) _free.Enqueue(batch);
            }
        }
    }

    private ResourceChange[] Read(ResourceChangeElement elements, Batch batch)
    {
        var changes = new ResourceChange[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var (offset, length, line, column, index) = batch.Element(i);
            try
            {
                changes[i] = elements.Read(batch.Bytes.AsMemory(offset, length), _elements, line, index);
            }
            catch (InputException e) when (e.Error.File == "?")
            {
                throw new InputException(e.Error with { File = _file, Line = line });
            }
            catch (JsonException e)
            {
                throw new InputException(new ReaderOrigin(line, column, 0).Locate(_file, e));
            }
        }
        return changes;
    }

    private Batch NewBatch(int atLeast) =>
        atLeast <= BatchBytes && _free.TryDequeue(out var batch) ? batch.Emptied() : new(new byte[Math.Max(BatchBytes, atLeast)]);

    private sealed record Failure(int Batch, ExceptionDispatchInfo Error);

    /// <summary>Elements copied end to end into one buffer, numbered in file order. Reused once mapped.</summary>
    private sealed class Batch(byte[] bytes)
    {
        private readonly List<(int Offset, int Length, int Line, int Column, int Index)> _elements = [];
        private int _used;

        public byte[] Bytes { get; } = bytes;

        public int Number { get; set; }

        public int Count => _elements.Count;

        public bool Fits(int length) => Bytes.Length - _used >= length;

        public void Add(ReadOnlySpan<byte> element, int line, int column, int index)
        {
            element.CopyTo(Bytes.AsSpan(_used));
            _elements.Add((_used, element.Length, line, column, index));
            _used += element.Length;
        }

        public (int Offset, int Length, int Line, int Column, int Index) Element(int i) => _elements[i];

        /// <summary>This batch with its elements forgotten, to be filled again (its element list keeps its capacity).</summary>
        public Batch Emptied()
        {
            _elements.Clear();
            _used = 0;
            return this;
        }
    }
}
