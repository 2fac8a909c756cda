using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using TradeFlow.Journal.Format;

namespace TradeFlow.Journal.Integrity;

/// <summary>
/// Computes the per-record verdicts of a <see cref="RecordBatch"/> — CRC-32C, the SHA-256 chain hash against the
/// <em>stored</em> hash of the record before, and the caller's record check — on the scanning thread and, when
/// there are two processors, on a <see cref="ScanWorker"/> as well. Because every record is checked against the
/// hash stored before it, not one computed, the records are independent and the verdicts are those a sequential
/// scan would reach; each is written by the one thread that claimed its record.
/// </summary>
/// <remarks>
/// Both threads claim chunks of records from one counter, and the next batch (reading its buffer and framing it) is a
/// job either may claim: the worker first, the scanning thread after its chunks if still unclaimed. The scanning
/// thread starts with the sequential checks of the batch before, so the chunk counter balances the two: whatever the
/// job and the checks cost, each thread takes chunks until none is left. The scanning thread waits for
/// the worker only when the worker joined the batch, which a gate per batch decides with one compare-and-swap: on a
/// busy machine a worker woken late finds the batch closed and goes back to sleep, rather than holding the scan up
/// by its scheduling delay.
/// </remarks>
internal sealed class BatchVerifier : IDisposable
{
    private const int ChunkSize = 64;
    private const long Open = 0;
    private const long Joined = 1;
    private const long Closed = 2;
    private readonly Lane _main;
    private readonly Lane? _second;
    private readonly ScanWorker? _worker;
    private readonly ManualResetEventSlim _finished = new(false);
    private readonly JournalRecordCheck? _check;
    private RecordBatch? _batch;
    private string _path = string.Empty;
    private Action? _next;
    private int _nextChunk;
    private int _nextClaimed;
    private long _gate;
    private Exception? _failure;
    private Action? _warmUp;

    public BatchVerifier(int threads, JournalRecordCheck? check)
    {
        _check = check;
        _main = new Lane(this);
        if (threads > 1)
        {
            _second = new Lane(this);
            _worker = new ScanWorker(Help);
        }
    }

    /// <summary>
    /// Fills the verdicts of every record of <paramref name="batch"/>, and runs <paramref name="next"/> (if given: reading
    /// and framing the next batch) once, on whichever thread claims it; returns when all of it is done. <paramref name="first"/> runs on the
    /// calling thread before it joins in: the sequential checks of the batch before, overlapping this one's hashing.
    /// </summary>
    public void Verify(RecordBatch batch, string path, Action? next, Action? first)
    {
        _batch = batch;
        _path = path;
        _next = next;
        _nextChunk = 0;
        _nextClaimed = 0;
        if (_worker is null)
        {
            first?.Invoke();
            _main.Run();
            next?.Invoke();
            return;
        }

        _finished.Reset();
        var gate = ((_gate >> 2) + 1) << 2;
        Volatile.Write(ref _gate, gate | Open);
        _worker.Wake();
        try
        {
            first?.Invoke();
            _main.Run();
            if (next is not null && Interlocked.Exchange(ref _nextClaimed, 1) == 0)
            {
                next();
            }
        }
        finally
        {
            if (Interlocked.CompareExchange(ref _gate, gate | Closed, gate | Open) != (gate | Open))
            {
                // The worker joined this batch: its chunks (and maybe the next batch's framing) are ours to wait for.
                _finished.Wait();
            }
        }

        if (_failure is { } failure)
        {
            _failure = null;
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>
    /// Has the worker (when there is one) run <paramref name="warmUp"/> before it joins any batch: one-time work the
    /// first records' checks would otherwise do on the scanning thread (e.g. building a payload validator), started
    /// while the scanning thread still sets the scan up. Whatever it throws is dropped: it checks nothing that the
    /// batches do not check again.
    /// </summary>
    public void WarmUp(Action warmUp)
    {
        if (_worker is not null)
        {
            Volatile.Write(ref _warmUp, warmUp);
            _worker.Wake();
        }
    }

    public void Dispose()
    {
        // The worker first: a routine still running uses its lane's native hash context.
        _worker?.Dispose();
        _finished.Dispose();
        _main.Dispose();
        _second?.Dispose();
    }

    // The worker's routine: the warm-up if one is waiting (its own wake-up), else join the current batch if it is still
    // open, else do nothing.
    private void Help()
    {
        if (Interlocked.Exchange(ref _warmUp, null) is { } warmUp)
        {
            try
            {
                warmUp();
            }
#pragma warning disable CA1031 // A warm-up's failure is the batch's to report: the same check runs again there, on the same bytes.
            catch (Exception)
#pragma warning restore CA1031
            {
            }

            return;
        }

        var gate = Volatile.Read(ref _gate);
        if ((gate & 3) != Open || Interlocked.CompareExchange(ref _gate, gate | Joined, gate) != gate)
        {
            return;
        }

        try
        {
            if (_next is { } next && Interlocked.Exchange(ref _nextClaimed, 1) == 0)
            {
                next();
            }

            _second!.Run();
        }
#pragma warning disable CA1031 // Whatever the worker hit is handed to the scanning thread, which rethrows it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _failure = ex;
            Volatile.Write(ref _nextChunk, int.MaxValue / 2);
        }

        _finished.Set();
    }

    /// <summary>One thread's hasher and scratch, and its claim loop.</summary>
    private sealed class Lane(BatchVerifier owner) : IDisposable
    {
        private readonly VerifyingChainHasher _hasher = new();
        private readonly byte[] _computed = new byte[JournalFormat.HashSize];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run()
        {
            var batch = owner._batch!;
            while (true)
            {
                var from = Interlocked.Add(ref owner._nextChunk, ChunkSize) - ChunkSize;
                if (from >= batch.Count)
                {
                    return;
                }

                var to = Math.Min(from + ChunkSize, batch.Count);
                for (var i = from; i < to; i++)
                {
                    Check(batch, i);
                }
            }
        }

        public void Dispose() => _hasher.Dispose();

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Check(RecordBatch batch, int index)
        {
            var record = batch.Record(index);
            if (!RecordFrame.CrcMatches(record))
            {
                batch.SetVerdict(index, 0, null);
                return;
            }

            var previous = index == 0 ? batch.PreviousHash : RecordFrame.Hash(batch.Record(index - 1));
            var body = RecordFrame.Body(record);
            _hasher.Chain(previous, body, _computed);
            var verdict = RecordFrame.Hash(record).SequenceEqual(_computed) ? (byte)(RecordBatch.CrcHolds | RecordBatch.HashHolds) : RecordBatch.CrcHolds;
            var wellFormed = RecordCodec.IsWellFormed(body);
            if (wellFormed)
            {
                // The record is in this thread's cache now; the sequential checks will want its stream's slot.
                batch.SetStreamHash(index, ShortStreamTable.Hash(RecordCodec.StreamBytes(body)));
            }

            var finding = owner._check is { } check && wellFormed
                ? check(new JournalRecordView(body, owner._path, batch.Offset(index)))
                : null;
            batch.SetVerdict(index, verdict, finding);
        }
    }
}
