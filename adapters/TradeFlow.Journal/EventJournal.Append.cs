using System.Text;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.Storage;
using TradeFlow.Journal.Format;
using TradeFlow.Journal.Storage;

namespace TradeFlow.Journal;

public sealed partial class EventJournal
{
    // Reused per commit: the encoded batch and each record's offset in it (zero allocation in steady state).
    private byte[] _batch = new byte[1 << 16];
    private int[] _recordOffsets = new int[256];
    private readonly HashSet<string> _batchStreams = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override MultiAppendResult AppendMultiple(IReadOnlyList<StreamAppend> appends, AppendResult[] results)
    {
        ArgumentNullException.ThrowIfNull(appends);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentOutOfRangeException.ThrowIfLessThan(results.Length, appends.Count, nameof(results));
        for (var i = 0; i < appends.Count; i++)
        {
            AppendRule.ValidateEvents(appends[i].Stream, appends[i].Events.Span);
        }

        long head;
        lock (_writeLock)
        {
            ThrowIfUnusable();
            AppendRule.ValidateDistinctStreams(appends, _batchStreams);
            for (var i = 0; i < appends.Count; i++)
            {
                if (!Decide(appends[i], out results[i]))
                {
                    return MultiAppendResult.Failed(i, results[i]);
                }
            }

            Commit(appends, results);
            head = _index.Count;
        }

        Notifier.Publish();
        return MultiAppendResult.Success(results.AsMemory(0, appends.Count), GlobalPosition.FromInt64(head));
    }

    // Applies AppendRule; on Write the result carries the stream's current version, replaced once written.
    private bool Decide(in StreamAppend append, out AppendResult result)
    {
        var entry = _index.Find(append.Stream);
        var current = entry?.Version ?? StreamVersion.None;
        var ids = new JournalEventIds(this, entry);
        var decision = AppendRule.Decide(append.Expected, current, append.Events.Span, ref ids, out var lastVersion);
        result = decision switch
        {
            AppendDecisionKind.Conflict => AppendResult.WrongExpectedVersion(append.Stream, append.Expected, current),
            AppendDecisionKind.AlreadyWritten => AppendResult.Success(append.Stream, append.Expected, lastVersion, GlobalPosition.FromInt64(entry!.PositionAt(lastVersion)), alreadyWritten: true),
            _ => AppendResult.Success(append.Stream, append.Expected, current, HeadPosition),
        };
        return decision != AppendDecisionKind.Conflict;
    }

    private void Commit(IReadOnlyList<StreamAppend> appends, AppendResult[] results)
    {
        var records = Encode(appends, results, out var length);
        if (records == 0)
        {
            return;
        }

        var segment = Volatile.Read(ref _segments)[^1];
        try
        {
            if (segment.Length + length > _options.SegmentSize && segment.Length > JournalFormat.SegmentHeaderSize)
            {
                segment = Roll(segment);
            }

            // Group commit: the whole batch in one write, made durable by one fsync, before anyone is told.
            RandomAccess.Write(segment.Handle, _batch.AsSpan(0, length), segment.Length);
            if (_options.Durability == JournalDurability.EveryBatch)
            {
                RandomAccess.FlushToDisk(segment.Handle);
            }
        }
        catch (Exception e)
        {
            // After a failed write or fsync the file's state is unknown: stop, and let recovery decide on reopen.
            _fault = e;
            throw;
        }

        Index(appends, results, segment, records);
        segment.Length += length;
        _batch.AsSpan(length - JournalFormat.HashSize, JournalFormat.HashSize).CopyTo(_lastHash);
        _index.Publish();
    }

    // Encodes every record of the commit into _batch, chaining hashes; returns the record count.
    private int Encode(IReadOnlyList<StreamAppend> appends, AppendResult[] results, out int length)
    {
        var lastWriting = -1;
        for (var i = 0; i < appends.Count; i++)
        {
            lastWriting = IsWrite(appends[i], results[i]) ? i : lastWriting;
        }

        var (records, used, position) = (0, 0, _index.Count + 1);
        ReadOnlySpan<byte> previousHash = _lastHash;
        for (var i = 0; i <= lastWriting; i++)
        {
            var append = appends[i];
            if (!IsWrite(append, results[i]))
            {
                continue;
            }

            var streamBytes = Encoding.UTF8.GetByteCount(append.Stream);
            var events = append.Events.Span;
            var version = results[i].NextExpectedVersion;
            for (var j = 0; j < events.Length; j++, records++, position++)
            {
                var size = RecordCodec.RecordSize(streamBytes, events[j]);
                Reserve(records, used + size);
                var record = _batch.AsSpan(used, size);
                RecordCodec.WriteBody(RecordFrame.Body(record), append.Stream, version + 1 + j, position, events[j], commit: i == lastWriting && j == events.Length - 1);
                RecordFrame.Seal(record, previousHash, _hasher);
                previousHash = _batch.AsSpan(used + size - JournalFormat.HashSize, JournalFormat.HashSize);
                _recordOffsets[records] = used;
                used += size;
            }

            results[i] = AppendResult.Success(append.Stream, append.Expected, version + events.Length, GlobalPosition.FromInt64(position - 1));
        }

        length = used;
        return records;
    }

    private static bool IsWrite(in StreamAppend append, in AppendResult result) => !result.WasAlreadyWritten && append.Events.Length > 0;

    private void Reserve(int records, int bytes)
    {
        if (bytes > _batch.Length)
        {
            Array.Resize(ref _batch, Math.Max(bytes, _batch.Length * 2));
        }

        if (records >= _recordOffsets.Length)
        {
            Array.Resize(ref _recordOffsets, _recordOffsets.Length * 2);
        }
    }

    // After the commit is durable: stage each record's location, then extend its stream (readers see a stream's
    // version only once its location is in place).
    private void Index(IReadOnlyList<StreamAppend> appends, AppendResult[] results, SegmentFile segment, int records)
    {
        var (record, position) = (0, _index.Count + 1);
        for (var i = 0; i < appends.Count && record < records; i++)
        {
            var append = appends[i];
            if (results[i].WasAlreadyWritten || append.Events.Length == 0)
            {
                continue;
            }

            var entry = _index.GetOrAdd(append.Stream);
            for (var j = 0; j < append.Events.Length; j++, record++, position++)
            {
                _index.Stage(JournalFormat.Location(segment.Number, segment.Length + _recordOffsets[record]));
                entry.Add(position);
            }
        }
    }

    private SegmentFile Roll(SegmentFile current)
    {
        var next = CreateSegment(current.Number + 1, _index.Count + 1, _lastHash);
        var segments = Volatile.Read(ref _segments);
        var grown = new SegmentFile[segments.Length + 1];
        segments.CopyTo(grown, 0);
        grown[^1] = next;
        Volatile.Write(ref _segments, grown);
        return next;
    }

    private readonly struct JournalEventIds(EventJournal journal, StreamEntry? entry) : IStreamEventIds
    {
        public Guid EventIdAt(long version) => journal.ReadKey(entry!.PositionAt(version)).EventId;
    }
}
