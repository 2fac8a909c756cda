using System.Runtime.CompilerServices;
using TradeFlow.Ring.WaitStrategies;

namespace TradeFlow.Ring;

/// <summary>
/// What every ring offers its producers, whatever its slots: claim (<see cref="Next()"/>,
/// <see cref="TryNext(out long)"/>), publish, capacity, gating sequences and barriers.
/// <see cref="RingBuffer{T}"/> and <see cref="ValueRingBuffer{T}"/> add the slots.
/// </summary>
/// <remarks>
/// Calls go straight to the concrete sealed sequencer (kept in one of two typed fields), not
/// through a virtual call, so the JIT can inline a claim into the producer's loop.
/// </remarks>
public abstract class RingBuffer
{
    private readonly SingleProducerSequencer? _single;
    private readonly MultiProducerSequencer? _multi;

    private protected RingBuffer(Sequencer sequencer)
    {
        ArgumentNullException.ThrowIfNull(sequencer);
        Sequencer = sequencer;
        _single = sequencer as SingleProducerSequencer;
        _multi = sequencer as MultiProducerSequencer;
        BufferSize = sequencer.BufferSize;
        IndexMask = BufferSize - 1;
    }

    /// <summary>The number of slots (a power of two).</summary>
    public int BufferSize { get; }

    /// <summary>The sequencer that claims and publishes on this ring.</summary>
    public Sequencer Sequencer { get; }

    /// <summary>The cursor: highest published (single producer) or claimed (multi producer) sequence.</summary>
    public long Cursor => Sequencer.Cursor;

    /// <summary>How many slots can be claimed right now without waiting.</summary>
    public long RemainingCapacity => Sequencer.RemainingCapacity;

    /// <summary>The mask that maps a sequence to its slot index.</summary>
    private protected int IndexMask { get; }

    /// <summary>Creates the sequencer a ring of <paramref name="bufferSize"/> slots needs.</summary>
    private protected static Sequencer CreateSequencer(ProducerType producerType, int bufferSize, IWaitStrategy? waitStrategy)
    {
        waitStrategy ??= new HybridWaitStrategy();
        return producerType == ProducerType.Single
            ? new SingleProducerSequencer(bufferSize, waitStrategy)
            : new MultiProducerSequencer(bufferSize, waitStrategy);
    }

    /// <summary>Claims the next slot, waiting (spin, yield, then sleep) while the ring is full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next() => _single is { } single ? single.Next() : _multi!.Next();

    /// <summary>Claims the next <paramref name="n"/> slots, waiting while the ring is full; returns the highest.</summary>
    public long Next(int n) => _single is { } single ? single.Next(n) : _multi!.Next(n);

    /// <summary>Claims the next slot if one is free; false when the ring is full (report "busy", never drop).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryNext(out long sequence)
        => _single is { } single ? single.TryNext(out sequence) : _multi!.TryNext(out sequence);

    /// <summary>Claims <paramref name="n"/> slots if free; <paramref name="sequence"/> is the highest claimed.</summary>
    public bool TryNext(int n, out long sequence)
        => _single is { } single ? single.TryNext(n, out sequence) : _multi!.TryNext(n, out sequence);

    /// <summary>Publishes the slot at <paramref name="sequence"/>: consumers may now read it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long sequence)
    {
        if (_single is { } single)
        {
            single.Publish(sequence);
        }
        else
        {
            _multi!.Publish(sequence);
        }
    }

    /// <summary>Publishes the slots <paramref name="lo"/>..<paramref name="hi"/> inclusive.</summary>
    public void Publish(long lo, long hi) => Sequencer.Publish(lo, hi);

    /// <summary>True if <paramref name="sequence"/> is published and not yet overwritten.</summary>
    public bool IsAvailable(long sequence) => Sequencer.IsAvailable(sequence);

    /// <summary>Adds consumer sequences the producers must not lap (see <see cref="Sequencer.AddGatingSequences"/>).</summary>
    public void AddGatingSequences(params Sequence[] sequences) => Sequencer.AddGatingSequences(sequences);

    /// <summary>Removes a gating sequence; false if it was not one.</summary>
    public bool RemoveGatingSequence(Sequence sequence) => Sequencer.RemoveGatingSequence(sequence);

    /// <summary>The lowest gating sequence, or the cursor if there is none.</summary>
    public long GetMinimumGatingSequence() => Sequencer.GetMinimumSequence();

    /// <summary>A barrier for a consumer following <paramref name="dependents"/> (or the cursor if none).</summary>
    public SequenceBarrier NewBarrier(params Sequence[] dependents) => Sequencer.NewBarrier(dependents);
}
