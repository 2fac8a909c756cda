using System.Text;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.Storage;
using TradeFlow.Journal.Format;
using TradeFlow.Journal.Storage;

namespace TradeFlow.Journal;

public sealed partial class EventJournal
{
    // Reused per commit: the encoded batch, in small chunks, and each record's offset in it. No allocation in steady
    // state for a commit within one chunk; one over several chunks goes out in a gathered write, which allocates its
    // handle and vector arrays per call (~1 KB, docs/benchmarks.md, pass engine14).
    private readonly CommitBuffer _batch = new();
    private int[] _recordOffsets = new int[256];

    // Each append's stream entry (null: a new stream) and name hash, found once per commit before the appends are
    // decided: the distinct-streams rule is checked on those hashes, Decide and Index use the entries, and a new
    // stream is added with its hash — one hash of each name per commit. Valid for one Write, under the write lock.
    private readonly CommitStreams _commitStreams = new();

    /// <inheritdoc />
    /// <remarks>A <see cref="Write"/> and then a <see cref="MakeDurable"/> covering it: the call returns after the fsync.</remarks>
    public override MultiAppendResult AppendMultiple(IReadOnlyList<StreamAppend> appends, AppendResult[] results)
    {
        var written = Write(appends, results);
        if (written.IsSuccess)
        {
            MakeDurable(written.LastPosition);
        }

        return written;
    }

    /// <inheritdoc />
    public MultiAppendResult Write(IReadOnlyList<StreamAppend> appends, AppendResult[] results)
    {
        ArgumentNullException.ThrowIfNull(appends);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentOutOfRangeException.ThrowIfLessThan(results.Length, appends.Count, nameof(results));
        for (var i = 0; i < appends.Count; i++)
        {
            AppendRule.ValidateEvents(appends[i].Stream, appends[i].Events.Span);
        }

        long written;
        lock (_writeLock)
        {
            ThrowIfUnusable();
            _commitStreams.Find(appends, _index);
            for (var i = 0; i < appends.Count; i++)
            {
                if (!Decide(appends[i], out results[i], _commitStreams.Entry(i)))
                {
                    return MultiAppendResult.Failed(i, results[i]);
                }
            }

            Commit(appends, results);
            written = _index.Written;
        }

        return MultiAppendResult.Success(results.AsMemory(0, appends.Count), GlobalPosition.FromInt64(written));
    }

    // Applies AppendRule; on Write the result carries the stream's current version, replaced once written.
    private bool Decide(in StreamAppend append, out AppendResult result, StreamEntry? entry)
    {
        var current = entry?.Version ?? StreamVersion.None;
        var ids = new JournalEventIds(this, entry);
        var decision = AppendRule.Decide(append.Expected, current, append.Events.Span, ref ids, out var lastVersion);
        result = decision switch
        {
            AppendDecisionKind.Conflict => AppendResult.WrongExpectedVersion(append.Stream, append.Expected, current),
            AppendDecisionKind.AlreadyWritten => AppendResult.Success(append.Stream, append.Expected, lastVersion, GlobalPosition.FromInt64(entry!.PositionAt(lastVersion)), alreadyWritten: true),
            _ => AppendResult.Success(append.Stream, append.Expected, current, WrittenPosition),
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

            // Group commit: the whole batch in one write. The fsync that makes it durable is MakeDurable's, which
            // publishes it to readers only then; the writer's view (versions, positions) moves on at once.
            _batch.WriteTo(segment.Handle, segment.Length);
        }
        catch (Exception e)
        {
            // After a failed write or fsync the file's state is unknown: stop, and let recovery decide on reopen.
            Interlocked.CompareExchange(ref _fault, e, null);
            throw;
        }

        Index(appends, results, segment, records);
        segment.Length += length;
        _batch.Last(JournalFormat.HashSize).CopyTo(_lastHash);
    }

    // Encodes every record of the commit into _batch, chaining hashes; returns the record count.
    private int Encode(IReadOnlyList<StreamAppend> appends, AppendResult[] results, out int length)
    {
        var lastWriting = -1;
        for (var i = 0; i < appends.Count; i++)
        {
            lastWriting = IsWrite(appends[i], results[i]) ? i : lastWriting;
        }

        var (records, used, position) = (0, 0, _index.Written + 1);
        _batch.Reset();
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
                ReserveOffsets(records);
                var record = _batch.Reserve(size);
                RecordCodec.WriteBody(RecordFrame.Body(record), append.Stream, version + 1 + j, position, events[j], commit: i == lastWriting && j == events.Length - 1);
                RecordFrame.Seal(record, previousHash, _hasher);
                previousHash = record[^JournalFormat.HashSize..];
                _recordOffsets[records] = used;
                used += size;
            }

            results[i] = AppendResult.Success(append.Stream, append.Expected, version + events.Length, GlobalPosition.FromInt64(position - 1));
        }

        length = used;
        return records;
    }

    private static bool IsWrite(in StreamAppend append, in AppendResult result) => !result.WasAlreadyWritten && append.Events.Length > 0;

    private void ReserveOffsets(int records)
    {
        if (records >= _recordOffsets.Length)
        {
            Array.Resize(ref _recordOffsets, _recordOffsets.Length * 2);
        }
    }

    // After the commit is written: stage each record's location, then extend its stream. Readers see neither before
    // MakeDurable publishes a head that covers them (a stream's versions are filtered by that head).
    private void Index(IReadOnlyList<StreamAppend> appends, AppendResult[] results, SegmentFile segment, int records)
    {
        var (record, position) = (0, _index.Written + 1);
        for (var i = 0; i < appends.Count && record < records; i++)
        {
            var append = appends[i];
            if (results[i].WasAlreadyWritten || append.Events.Length == 0)
            {
                continue;
            }

            // Streams are distinct within a commit and only this writer adds, so a stream Decide did not find is new.
            var entry = _commitStreams.Entry(i) ?? _index.AddNew(append.Stream, _commitStreams.Hash(i));
            for (var j = 0; j < append.Events.Length; j++, record++, position++)
            {
                _index.Stage(JournalFormat.Location(segment.Number, segment.Length + _recordOffsets[record]));
                entry.Add(position);
            }
        }
    }

    private SegmentFile Roll(SegmentFile current)
    {
        // Writes into the rolled segment may still wait for their fsync, and MakeDurable syncs only the last
        // segment: sync this one now, so that a durable point published in its successor covers it too.
        if (_options.Durability == JournalDurability.EveryBatch)
        {
            _flush(current.Handle);
        }

        var next = CreateSegment(current.Number + 1, _index.Written + 1, _lastHash);
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
