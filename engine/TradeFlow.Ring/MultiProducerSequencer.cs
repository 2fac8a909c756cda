using System.Runtime.CompilerServices;
using TradeFlow.Ring.WaitStrategies;

namespace TradeFlow.Ring;

/// <summary>
/// A sequencer for any number of publishing threads. Claiming is an atomic add on the cursor (so
/// the cursor is the highest <em>claimed</em> sequence); publication is recorded per slot in an
/// availability buffer, because producers finish out of order. Consumers read up to the first
/// slot that is claimed but not yet published (<see cref="GetHighestPublishedSequence"/>).
/// </summary>
public sealed class MultiProducerSequencer : Sequencer
{
    // Which lap each slot was last published in: slot i holds (sequence >> log2(size)) of its
    // latest publication. -1 means never published.
    private readonly int[] _availableBuffer;
    private readonly int _indexMask;
    private readonly int _indexShift;
    private readonly Sequence _gatingSequenceCache = new();

    /// <summary>Creates a sequencer for a ring of <paramref name="bufferSize"/> slots (a power of two).</summary>
    public MultiProducerSequencer(int bufferSize, IWaitStrategy waitStrategy)
        : base(bufferSize, waitStrategy)
    {
        _availableBuffer = new int[bufferSize];
        _availableBuffer.AsSpan().Fill(-1);
        _indexMask = bufferSize - 1;
        _indexShift = SequenceMath.Log2(bufferSize);
    }

    /// <inheritdoc/>
    public override long RemainingCapacity
    {
        get
        {
            var produced = CursorSequence.Value;
            var consumed = SequenceMath.Minimum(GatingSequences, produced);
            return BufferSize - (produced - consumed);
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
        SetAvailable(sequence);
        if (IsBlockingStrategy)
        {
            WaitStrategy.SignalAllWhenBlocking();
        }
    }

    /// <inheritdoc/>
    public override void Publish(long lo, long hi)
    {
        for (var sequence = lo; sequence <= hi; sequence++)
        {
            SetAvailable(sequence);
        }

        if (IsBlockingStrategy)
        {
            WaitStrategy.SignalAllWhenBlocking();
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override bool IsAvailable(long sequence)
    {
        // Acquire: seeing this slot's lap flag makes the producer's writes to the slot visible.
        ref var flag = ref _availableBuffer[(int)sequence & _indexMask];
        return Volatile.Read(ref flag) == (int)(sequence >>> _indexShift);
    }

    /// <inheritdoc/>
    public override long GetHighestPublishedSequence(long nextSequence, long availableSequence)
    {
        for (var sequence = nextSequence; sequence <= availableSequence; sequence++)
        {
            if (!IsAvailable(sequence))
            {
                return sequence - 1;
            }
        }

        return availableSequence;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetAvailable(long sequence)
    {
        // Release: the producer's writes to the slot happen before the flag becomes visible.
        Volatile.Write(ref _availableBuffer[(int)sequence & _indexMask], (int)(sequence >>> _indexShift));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long ClaimUnchecked(int n)
    {
        // Claim first, then make sure the claim does not lap the slowest consumer: the atomic add
        // never fails, unlike a compare-and-set loop, which matters when producers contend.
        var nextSequence = CursorSequence.AddAndGet(n);
        var current = nextSequence - n;
        var wrapPoint = nextSequence - BufferSize;
        var cachedGatingValue = _gatingSequenceCache.Value;
        if (wrapPoint > cachedGatingValue || cachedGatingValue > current)
        {
            WaitForCapacity(wrapPoint, current);
        }

        return nextSequence;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WaitForCapacity(long wrapPoint, long current)
    {
        var minimum = WaitForGatingSequences(wrapPoint, current);
        _gatingSequenceCache.SetValue(minimum);
    }

    private bool TryClaimUnchecked(int n, out long sequence)
    {
        long current;
        long next;
        do
        {
            current = CursorSequence.Value;
            next = current + n;
            if (!HasAvailableCapacity(n, current))
            {
                sequence = default;
                return false;
            }
        }
        while (!CursorSequence.CompareAndSet(current, next));

        sequence = next;
        return true;
    }

    private bool HasAvailableCapacity(int n, long cursorValue)
    {
        var wrapPoint = cursorValue + n - BufferSize;
        var cachedGatingValue = _gatingSequenceCache.Value;
        if (wrapPoint > cachedGatingValue || cachedGatingValue > cursorValue)
        {
            var minimum = SequenceMath.Minimum(GatingSequences, cursorValue);
            _gatingSequenceCache.SetValue(minimum);
            if (wrapPoint > minimum)
            {
                return false;
            }
        }

        return true;
    }
}
