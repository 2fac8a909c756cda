using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using TradeFlow.EventSourcing;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Replay.Folding;

/// <summary>
/// Two cores for one replay: a reader thread reads, checks and deserializes envelopes into batches while the
/// calling thread folds the previous batch. One producer, one consumer, batches handed over in order through a
/// bounded queue, so the fold sees exactly the sequence a sequential read gives and memory stays bounded (a few
/// batches in flight). An error on the reader's side is rethrown on the caller's thread, where the store's errors
/// are translated; Ctrl-C stops both.
/// </summary>
internal static class DecodePipeline
{
    private const int BatchSize = 1024;

    // Enough batches in flight to absorb the two sides' jitter; more would only hold memory.
    private const int BatchesInFlight = 8;

    /// <summary>Folds the trade events of <paramref name="source"/> through <paramref name="apply"/> in order; returns how many envelopes were read.</summary>
    /// <param name="source">The envelopes, read on the reader thread.</param>
    /// <param name="apply">The fold, called on the caller's thread.</param>
    /// <param name="progress">Called on the caller's thread with the envelopes read so far, about every 16,384.</param>
    /// <param name="cancellationToken">Stops both threads.</param>
    public static long Run(IEnumerable<RecordedEvent> source, Action<ProjectionEvent> apply, Action<long> progress,
        CancellationToken cancellationToken) =>
        Run(batches =>
        {
            foreach (var recorded in source)
            {
                batches.Add(ProjectionEvents.TryRead(recorded, out var e), e);
            }
        }, apply, progress, cancellationToken);

    /// <summary>
    /// As <see cref="Run(IEnumerable{RecordedEvent}, Action{ProjectionEvent}, Action{long}, CancellationToken)"/>, over a
    /// store's in-place views of events 1..<paramref name="upTo"/>: each payload is deserialized straight from the read
    /// buffer, with no envelope object or payload copy per event (that garbage was collected on both threads' time).
    /// </summary>
    public static long Run(IEventViewSource source, long upTo, Action<ProjectionEvent> apply, Action<long> progress,
        CancellationToken cancellationToken) =>
        Run(batches => source.ReadAllViews(GlobalPosition.Start, upTo,
            (in RecordedEventView view) => batches.Add(ProjectionEvents.TryRead(view, out var e), e)), apply, progress, cancellationToken);

    private static long Run(Action<BatchWriter> produce, Action<ProjectionEvent> apply, Action<long> progress,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<Batch>(BatchesInFlight);
        var spare = new ConcurrentQueue<ProjectionEvent[]>();
        ExceptionDispatchInfo? failure = null;
        var reader = new Thread(() => failure = Produce(produce, queue, spare, stop.Token)) { IsBackground = true, Name = "replay-decode" };
        reader.Start();
        long read = 0;
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable(stop.Token))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    apply(batch.Events[i]);
                }

                if (batch.Read >> 14 != read >> 14)
                {
                    progress(batch.Read);
                }

                read = batch.Read;

                // Handed back for the reader to fill again: a fresh 64 KiB array per 1,024 events was a steady share
                // of the garbage. Cleared first, so a spare array keeps no folded event alive.
                Array.Clear(batch.Events, 0, batch.Count);
                spare.Enqueue(batch.Events);
            }
        }
        finally
        {
            // The fold failed or was cancelled: the reader must not stay blocked on a full queue.
            stop.Cancel();
            reader.Join();
        }

        failure?.Throw();
        return read;
    }

    private static ExceptionDispatchInfo? Produce(Action<BatchWriter> read, BlockingCollection<Batch> queue,
        ConcurrentQueue<ProjectionEvent[]> spare, CancellationToken token)
    {
        try
        {
            var batches = new BatchWriter(queue, spare, token);
            read(batches);
            batches.Complete();
            return null;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return null;
        }
#pragma warning disable CA1031 // Not swallowed: captured and rethrown on the folding thread.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ExceptionDispatchInfo.Capture(ex);
        }
        finally
        {
            queue.CompleteAdding();
        }
    }

    private readonly record struct Batch(ProjectionEvent[] Events, int Count, long Read);

    // The reader's side: fills a batch and hands it over when full, or every 16,384 envelopes for the progress.
    private sealed class BatchWriter(BlockingCollection<Batch> queue, ConcurrentQueue<ProjectionEvent[]> spare, CancellationToken token)
    {
        private ProjectionEvent[] _events = new ProjectionEvent[BatchSize];
        private int _count;
        private long _read;

        public void Add(bool isTradeEvent, in ProjectionEvent e)
        {
            _read++;
            if (isTradeEvent)
            {
                _events[_count++] = e;
            }

            if (_count == BatchSize || (_read & 0x3FFF) == 0)
            {
                queue.Add(new Batch(_events, _count, _read), token);
                _events = spare.TryDequeue(out var again) ? again : new ProjectionEvent[BatchSize];
                _count = 0;
            }
        }

        public void Complete() => queue.Add(new Batch(_events, _count, _read), token);
    }
}
