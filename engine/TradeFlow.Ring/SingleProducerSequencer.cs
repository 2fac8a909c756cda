using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TradeFlow.Ring.WaitStrategies;

namespace TradeFlow.Ring;

/// <summary>
/// A sequencer for exactly one publishing thread. Claiming is a plain increment of a
/// thread-private counter; publishing is one release store of the cursor. Calling it from two
/// threads corrupts the ring: use <see cref="MultiProducerSequencer"/> then.
/// </summary>
public sealed class SingleProducerSequencer : Sequencer
{
    private ProducerFields _fields;

    /// <summary>Creates a sequencer for a ring of <paramref name="bufferSize"/> slots (a power of two).</summary>
    public SingleProducerSequencer(int bufferSize, IWaitStrategy waitStrategy)
        : base(bufferSize, waitStrategy)
    {
        _fields.NextValue = Sequence.InitialValue;
        _fields.CachedGatingValue = Sequence.InitialValue;
    }

    /// <inheritdoc/>
    public override long RemainingCapacity
    {
        get
        {
            var nextValue = _fields.NextValue;
            var consumed = SequenceMath.Minimum(GatingSequences, nextValue);
            return BufferSize - (nextValue - consumed);
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override long Next() => ClaimUnchecked(1);

    /// <inheritdoc/>
    public override long Next(int n)
    {
        CheckClaimSize(n);
        return ClaimUnchecked(n);
    }

    /// <inheritdoc/>
    public override bool TryNext(out long sequence) => TryClaimUnchecked(1, out sequence);

    /// <inheritdoc/>
    public override bool TryNext(int n, out long sequence)
    {
        CheckClaimSize(n);
        return TryClaimUnchecked(n, out sequence);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void Publish(long sequence)
    {
        // The release store orders the slot's writes before the cursor: a consumer that reads the
        // cursor (an acquire) and sees `sequence` also sees the slot's contents.
        CursorSequence.SetValue(sequence);
        if (IsBlockingStrategy)
        {
            WaitStrategy.SignalAllWhenBlocking();
        }
    }

    /// <inheritdoc/>
    public override void Publish(long lo, long hi) => Publish(hi);

    /// <inheritdoc/>
    public override bool IsAvailable(long sequence)
    {
        var cursor = CursorSequence.Value;
        return sequence <= cursor && sequence > cursor - BufferSize;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override long GetHighestPublishedSequence(long nextSequence, long availableSequence) => availableSequence;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long ClaimUnchecked(int n)
    {
        var nextValue = _fields.NextValue;
        var nextSequence = nextValue + n;
        var wrapPoint = nextSequence - BufferSize;
        var cachedGatingValue = _fields.CachedGatingValue;

        // Only when the claim would lap the slowest consumer as last seen do we look at the real
        // gating sequences (cache misses on other cores' lines) and possibly wait.
        if (wrapPoint > cachedGatingValue || cachedGatingValue > nextValue)
        {
            _fields.CachedGatingValue = WaitForCapacity(wrapPoint, nextValue);
        }

        _fields.NextValue = nextSequence;
        return nextSequence;
    }

    private bool TryClaimUnchecked(int n, out long sequence)
    {
        var nextValue = _fields.NextValue;
        var wrapPoint = nextValue + n - BufferSize;
        var cachedGatingValue = _fields.CachedGatingValue;
        if (wrapPoint > cachedGatingValue || cachedGatingValue > nextValue)
        {
            Interlocked.MemoryBarrier();
            var minimum = SequenceMath.Minimum(GatingSequences, nextValue);
            _fields.CachedGatingValue = minimum;
            if (wrapPoint > minimum)
            {
                sequence = default;
                return false;
            }
        }

        sequence = _fields.NextValue = nextValue + n;
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private long WaitForCapacity(long wrapPoint, long nextValue)
    {
        // StoreLoad: our last cursor store must not be reordered after the loads of the consumers'
        // sequences below (the Disruptor's cursor.setVolatile). The fence is on the slow path only.
        Interlocked.MemoryBarrier();
        return WaitForGatingSequences(wrapPoint, nextValue);
    }

    /// <summary>
    /// The producer's private counters, padded so that their constant rewriting does not invalidate
    /// the cache line holding the fields consumers read (the cursor reference, the buffer size).
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = Sequence.Padding + (2 * sizeof(long)) + Sequence.Padding)]
    private struct ProducerFields
    {
        [FieldOffset(Sequence.Padding)]
        public long NextValue;

        [FieldOffset(Sequence.Padding + sizeof(long))]
        public long CachedGatingValue;
    }
}
