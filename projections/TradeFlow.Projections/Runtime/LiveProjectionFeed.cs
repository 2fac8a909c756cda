using System.Runtime.InteropServices;
using TradeFlow.Domain.Events;
using TradeFlow.EventSourcing;

namespace TradeFlow.Projections.Runtime;

/// <summary>
/// The bounded hand-off between the engine's publish stage and a <see cref="ProjectionDaemon"/>: one producer (the
/// publish thread) copies each committed event's reference and envelope into a preallocated slot, one consumer (the daemon) takes them and
/// folds. The producer never blocks, never allocates and never folds: when the ring is full the event is dropped and
/// only its position is remembered (<see cref="LastOffered"/>), and the consumer, finding its checkpoint short of that
/// position, reads the missing events back from the store (they are durable before they are offered). So an
/// overflow costs a store read, never an event.
/// </summary>
/// <remarks>
/// Single producer, single consumer: the engine calls its subscribers from the one publish thread, and a daemon
/// drains from one loop. The head and tail are on their own cache lines so the two threads do not share one.
/// The event references live in their own dense array, apart from the envelope values: the feed is old (gen2) and
/// every slot written points at a young event, so each write marks a GC card; packing 32 references per 256-byte card
/// (not 4, as whole 64-byte <see cref="ProjectionEvent"/> slots would) keeps the cards a collection must scan few. A
/// first version with 65,536 whole slots (4 MB) made the collector escalate one or two gen1 collections per 5-second
/// window to gen2 (low card-marking efficiency), which the old read-back path did not.
/// </remarks>
public sealed class LiveProjectionFeed
{
    /// <summary>
    /// The default number of slots: 0.8 s of 5,000 events per second (32 KB of references, 224 KB of envelopes);
    /// a daemon held up longer reads the rest from the store.
    /// </summary>
    public const int DefaultCapacity = 4_096;

    private readonly ITradeEvent?[] _events;
    private readonly Envelope[] _envelopes;
    private readonly int _mask;
    private readonly FeedSignal _sleeper = new();
    private Cursors _cursors;
    private long _dropped;

    /// <summary>A feed of <paramref name="capacity"/> slots (a power of two, at least 2), all allocated here.</summary>
    public LiveProjectionFeed(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        if (!int.IsPow2(capacity))
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The capacity must be a power of two.");
        }

        _events = new ITradeEvent?[capacity];
        _envelopes = new Envelope[capacity];
        _mask = capacity - 1;
    }

    /// <summary>How many events the feed holds at most.</summary>
    public int Capacity => _events.Length;

    /// <summary>How many offered events were dropped because the feed was full (the consumer read them from the store).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>
    /// The position of the last event offered, kept or dropped (written after the event's slot is published): a
    /// consumer that read this, then drained the feed, and is still short of it, must read the rest from the store.
    /// </summary>
    public GlobalPosition LastOffered => GlobalPosition.FromInt64(Volatile.Read(ref _cursors.LastOffered));

    /// <summary>How many events wait in the feed.</summary>
    public int Count => (int)(Volatile.Read(ref _cursors.Tail) - Volatile.Read(ref _cursors.Head));

    /// <summary>
    /// Producer side: copies <paramref name="e"/> into the next slot, or drops it when the feed is full. The event must
    /// be durable and readable from the store already. Call <see cref="Notify"/> after the last event of a batch.
    /// </summary>
    /// <returns>False when the event was dropped.</returns>
    public bool Offer(in ProjectionEvent e)
    {
        var tail = _cursors.Tail;
        var kept = tail - Volatile.Read(ref _cursors.Head) < _events.Length;
        if (kept)
        {
            var slot = (int)(tail & _mask);
            _envelopes[slot] = new Envelope(e.Position, e.RecordedTime, e.EffectiveTime, e.EventId);
            _events[slot] = e.Event;
        }
        else
        {
            Interlocked.Increment(ref _dropped);
        }

        // The tail before LastOffered: a consumer that reads LastOffered = p and then drains the ring gets every kept
        // event up to p, so finding its checkpoint short of p afterwards means a drop, never an event still in flight.
        if (kept)
        {
            Volatile.Write(ref _cursors.Tail, tail + 1);
        }

        Volatile.Write(ref _cursors.LastOffered, e.Position.Value);
        return kept;
    }

    /// <summary>Producer side: wakes the consumer if it is waiting (a store-and-load fence, and a wake only when needed).</summary>
    public void Notify()
    {
        // The fence orders the tail written by Offer before the read of the armed flag; the consumer fences between
        // arming and re-reading the tail, so one of the two sees the other.
        Interlocked.MemoryBarrier();
        if (_sleeper.IsArmed)
        {
            // The continuation runs on the thread pool: nothing is folded here.
            _sleeper.TrySet();
        }
    }

    /// <summary>Any thread: ends the consumer's current wait, if any, with no event (e.g. its save timer fired).</summary>
    internal void Wake() => _sleeper.TrySet();

    /// <summary>Consumer side: takes the oldest event, clearing its slot so the feed does not keep it alive.</summary>
    public bool TryTake(out ProjectionEvent e)
    {
        var head = _cursors.Head;
        if (head == Volatile.Read(ref _cursors.Tail))
        {
            e = default;
            return false;
        }

        var slot = (int)(head & _mask);
        ref readonly var envelope = ref _envelopes[slot];
        e = new ProjectionEvent(envelope.Position, envelope.RecordedTime, envelope.EffectiveTime, envelope.EventId, _events[slot]!);
        _events[slot] = null;
        Volatile.Write(ref _cursors.Head, head + 1);
        return true;
    }

    /// <summary>
    /// Consumer side: a wait that completes when the producer offers past <paramref name="seen"/> (at once if it
    /// already has). One waiter at a time, and each wait must be awaited before the next is asked for: the wait is
    /// one reused source, so sleeping and waking allocate nothing.
    /// </summary>
    public ValueTask WaitForMoreThanAsync(GlobalPosition seen)
    {
        var wait = _sleeper.Arm();
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _cursors.LastOffered) > seen.Value)
        {
            _sleeper.TrySet();
        }

        return wait;
    }

    /// <summary>A slot's envelope fields: values only, so this array has no references for the collector to track.</summary>
    private readonly record struct Envelope(GlobalPosition Position, DateTimeOffset RecordedTime, DateTimeOffset EffectiveTime, Guid EventId);

    /// <summary>The producer's and the consumer's counters, a cache line apart (128 bytes covers adjacent-line prefetch).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 384)]
    private struct Cursors
    {
        [FieldOffset(128)]
        public long Tail;

        [FieldOffset(136)]
        public long LastOffered;

        [FieldOffset(256)]
        public long Head;
    }
}
