using TradeFlow.EventSourcing;
using TradeFlow.Journal.Format;

namespace TradeFlow.Journal.Reading;

/// <summary>
/// A read-only, forward-only reader of a journal that was closed cleanly, for tools that read every event once in
/// order (<c>tradeflow-replay replay</c>). Opening <see cref="EventJournal.OpenReadOnly"/> loads the whole index
/// checkpoint (a location per event and every stream's positions: 22 MB and 0.7 s of one core at 1M events, ten
/// times that at 10M) to answer reads by position or by stream; a forward read needs none of it, because each
/// record's length says where the next one starts. This reader uses the checkpoint only for what the open trusts it
/// for — how many events were committed and the chain hash they end with — and walks the segment files.
/// <para>
/// It opens only when the checkpoint covers the whole journal (the writer's last clean close, nothing written
/// since): then the journal's own open would verify no record either, and rely on the CRC-32C rechecked on every
/// read. Anything else — no checkpoint, a damaged or stale one, records after it (a live writer, a torn tail), a
/// missing segment, a bad segment header — and <see cref="TryOpen(JournalOptions, bool)"/> returns null: the caller
/// opens the journal itself, which verifies what must be verified and refuses damage with its own message.
/// </para>
/// <para>
/// Each record read is checked as the journal's read checks it (length, CRC-32C: same messages, same segment and
/// offset), and its global position must be the next one. With <c>checkChain</c> its chain hash must also be SHA-256
/// of the record before it and its body, so that a record edited with its CRC recomputed is refused as the verified
/// open refuses it — which the journal's read does not do, and which costs a SHA-256 per record (~0.3–0.6 s of CPU
/// per million ~350-byte records, measured on the replay's decode thread).
/// </para>
/// </summary>
public sealed class SequentialJournalReader : IEventViewSource, IDisposable
{
    // Sequential reads fetch this much per read call, into one buffer reused for the whole read.
    private const int DefaultChunkSize = 1 << 20;
    private readonly JournalSegments _segments;
    private readonly bool _checkChain;
    private readonly int _chunkSize;

    private SequentialJournalReader(JournalSegments segments, bool checkChain, int chunkSize)
    {
        _segments = segments;
        _checkChain = checkChain;
        _chunkSize = chunkSize;
    }

    /// <summary>The position of the last committed event (the checkpoint's count).</summary>
    public GlobalPosition HeadPosition => GlobalPosition.FromInt64(_segments.EventCount);

    /// <summary>
    /// Opens the journal under <paramref name="options"/>' directory for a forward read, or returns null when its
    /// checkpoint does not cover every segment exactly (open it with <see cref="EventJournal.OpenReadOnly"/> then).
    /// </summary>
    /// <param name="options">Where the journal is; its verification must be <see cref="JournalVerification.FromCheckpoint"/>.</param>
    /// <param name="checkChain">Also check every record's chain hash as it is read.</param>
    public static SequentialJournalReader? TryOpen(JournalOptions options, bool checkChain = false) => TryOpen(options, checkChain, DefaultChunkSize);

    /// <summary>As <see cref="TryOpen(JournalOptions, bool)"/>, reading <paramref name="chunkSize"/> bytes per read call (tests use small chunks to cross every boundary).</summary>
    internal static SequentialJournalReader? TryOpen(JournalOptions options, bool checkChain, int chunkSize)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        return options.Verification == JournalVerification.FromCheckpoint && JournalSegments.TryOpen(options.JournalDirectory) is { } segments
            ? new SequentialJournalReader(segments, checkChain, chunkSize)
            : null;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The reader keeps no index, so a read from a later position walks every record before it — each one read and
    /// checked (length, CRC-32C, shape, position, chain hash if asked) but handed to no handler: the cost of a read from
    /// <paramref name="from"/> grows with the bytes before it. A read that reaches the head also checks that the journal
    /// ends there: at the checkpoint's anchor, with its head hash.
    /// </remarks>
    /// <exception cref="JournalCorruptException">
    /// A record fails its length check, CRC-32C, shape, position or (when checked) chain hash; a segment header does not
    /// continue the record before it; or the records do not end at the checkpoint's anchor.
    /// </exception>
    public long ReadAllViews(GlobalPosition from, long maxCount, RecordedEventViewHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var first = Math.Max(from.Value, 1);
        var last = maxCount > _segments.EventCount - first ? _segments.EventCount : first - 1 + maxCount;
        if (last < first)
        {
            return 0;
        }

        using var walk = new RecordWalk(_segments, (int)Math.Min(_chunkSize, _segments.TotalBytes), _checkChain);
        for (var position = 1L; position < first; position++)
        {
            walk.Next(position);
        }

        var cache = new Utf8Cache();
        for (var position = first; position <= last; position++)
        {
            handler(RecordCodec.View(walk.Next(position), cache));
        }

        if (last == _segments.EventCount)
        {
            walk.CheckAtAnchor();
        }

        return last - first + 1;
    }

    /// <inheritdoc />
    public void Dispose() => _segments.Dispose();

    /// <summary>The chain hash the checkpoint says the journal ends with (the head hash; tests and tools compare it).</summary>
    internal ReadOnlySpan<byte> HeadHash => _segments.HeadHash;
}
