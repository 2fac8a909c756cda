using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using TradeFlow.Ring.WaitStrategies;

namespace TradeFlow.Ring;

/// <summary>
/// Claims and publishes sequences on a ring, and keeps producers from lapping the slowest
/// consumer (the gating sequences). <see cref="SingleProducerSequencer"/> and
/// <see cref="MultiProducerSequencer"/> are the two implementations.
/// </summary>
/// <remarks>
/// Protocol for a producer: <c>var seq = Next();</c> write slot <c>seq</c>; <c>Publish(seq)</c> —
/// always, even if filling the slot failed (publish it marked invalid), otherwise every consumer
/// stops at that sequence forever.
/// </remarks>
public abstract class Sequencer
{
    private const int ProducerSpinRounds = 64;
    private Sequence[] _gatingSequences = [];
    private readonly SequenceBarrier _producerBarrier;
    private DependentSequenceGroup _gatingGroup;

    private protected Sequencer(int bufferSize, IWaitStrategy waitStrategy)
    {
        SequenceMath.CheckBufferSize(bufferSize);
        ArgumentNullException.ThrowIfNull(waitStrategy);
        BufferSize = bufferSize;
        WaitStrategy = waitStrategy;
        IsBlockingStrategy = waitStrategy.IsBlockingStrategy;
        _producerBarrier = new SequenceBarrier(this, waitStrategy, CursorSequence, []);
        _gatingGroup = new DependentSequenceGroup(CursorSequence, _gatingSequences);
    }

    /// <summary>The number of slots in the ring (a power of two).</summary>
    public int BufferSize { get; }

    /// <summary>The wait strategy consumers of this ring use.</summary>
    public IWaitStrategy WaitStrategy { get; }

    /// <summary>
    /// The cursor: the highest published sequence on a single-producer ring, the highest
    /// claimed one on a multi-producer ring (use <see cref="GetHighestPublishedSequence"/>).
    /// </summary>
    public long Cursor => CursorSequence.Value;

    /// <summary>How many slots can be claimed right now without waiting.</summary>
    public abstract long RemainingCapacity { get; }

    /// <summary>The cursor's sequence object, which first-stage barriers wait on.</summary>
    internal Sequence CursorSequence { get; } = new();

    /// <summary>Cached so that publishers skip the signalling call for non-blocking strategies.</summary>
    private protected bool IsBlockingStrategy { get; }

    /// <summary>The current gating sequences (an immutable snapshot, replaced on change).</summary>
    private protected Sequence[] GatingSequences => Volatile.Read(ref _gatingSequences);

    /// <summary>Claims the next slot, waiting while the ring is full, and returns its sequence.</summary>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Next is the Disruptor's name for a claim, and the brief's API.")]
    public abstract long Next();

    /// <summary>Claims the next <paramref name="n"/> slots, waiting while the ring is full, and returns the highest sequence claimed.</summary>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Next is the Disruptor's name for a claim, and the brief's API.")]
    public abstract long Next(int n);

    /// <summary>Claims the next slot if one is free now; false (the caller reports "busy") if the ring is full.</summary>
    public abstract bool TryNext(out long sequence);

    /// <summary>Claims <paramref name="n"/> slots if they are free now; <paramref name="sequence"/> is the highest claimed.</summary>
    public abstract bool TryNext(int n, out long sequence);

    /// <summary>Makes the slot at <paramref name="sequence"/> visible to consumers.</summary>
    public abstract void Publish(long sequence);

    /// <summary>Makes the slots <paramref name="lo"/>..<paramref name="hi"/> (inclusive) visible to consumers.</summary>
    public abstract void Publish(long lo, long hi);

    /// <summary>True if <paramref name="sequence"/> is published and still in the ring.</summary>
    public abstract bool IsAvailable(long sequence);

    /// <summary>
    /// The highest sequence in <paramref name="nextSequence"/>..<paramref name="availableSequence"/>
    /// such that it and all before it are published; <paramref name="nextSequence"/> - 1 if none is.
    /// </summary>
    public abstract long GetHighestPublishedSequence(long nextSequence, long availableSequence);

    /// <summary>
    /// Adds consumers' sequences that producers must not lap. As in the Disruptor, each is first set
    /// to the current cursor: a consumer added to a running ring starts with the next event.
    /// </summary>
    public void AddGatingSequences(params Sequence[] sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        foreach (var sequence in sequences)
        {
            sequence.SetValue(Cursor);
        }

        Sequence[] current;
        do
        {
            current = GatingSequences;
        }
        while (Interlocked.CompareExchange(ref _gatingSequences, [.. current, .. sequences], current) != current);
        RefreshGatingGroup();

        // A producer may have published between the first set and the swap: catch up again.
        foreach (var sequence in sequences)
        {
            sequence.SetValue(Math.Max(sequence.Value, Cursor));
        }
    }

    /// <summary>Removes a gating sequence; false if it was not one.</summary>
    public bool RemoveGatingSequence(Sequence sequence)
    {
        Sequence[] current;
        Sequence[] next;
        do
        {
            current = GatingSequences;
            next = Array.FindAll(current, s => !ReferenceEquals(s, sequence));
            if (next.Length == current.Length)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref _gatingSequences, next, current) != current);
        RefreshGatingGroup();
        return true;
    }

    /// <summary>The lowest gating sequence, or the cursor if there is none.</summary>
    public long GetMinimumSequence() => SequenceMath.Minimum(GatingSequences, Cursor);

    /// <summary>
    /// A barrier for a consumer that follows <paramref name="dependents"/> (other consumers'
    /// sequences), or the cursor alone when none are given.
    /// </summary>
    public SequenceBarrier NewBarrier(params Sequence[] dependents)
    {
        ArgumentNullException.ThrowIfNull(dependents);
        return new SequenceBarrier(this, WaitStrategy, CursorSequence, dependents);
    }

    /// <summary>
    /// Waits until every gating sequence has reached <paramref name="wrapPoint"/> and returns their
    /// minimum. Spins briefly; then, with a blocking strategy, sleeps on the same signal consumers
    /// use (processors signal after each batch), so a waiting producer leaves the core to the
    /// consumer it waits for; otherwise keeps yielding (<see cref="ProducerSpinner"/>).
    /// </summary>
    private protected long WaitForGatingSequences(long wrapPoint, long current)
    {
        var spinner = default(ProducerSpinner);
        var rounds = 0;
        long minimum;
        while (wrapPoint > (minimum = SequenceMath.Minimum(GatingSequences, current)))
        {
            if (IsBlockingStrategy && ++rounds > ProducerSpinRounds)
            {
                return BlockForGatingSequences(wrapPoint);
            }

            spinner.SpinOnce();
        }

        return minimum;
    }

    /// <summary>Throws unless 1 ≤ <paramref name="n"/> ≤ the ring's size.</summary>
    private protected void CheckClaimSize(int n)
    {
        if (n < 1 || n > BufferSize)
        {
            ThrowHelper.ThrowClaimSizeOutOfRange(n, BufferSize);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private long BlockForGatingSequences(long wrapPoint)
    {
        // Producers are never alerted: the barrier is only there because wait strategies check one.
        var gating = GatingSequences;
        var group = Volatile.Read(ref _gatingGroup);
        if (!group.IsOver(gating))
        {
            // Only if gating sequences changed concurrently with this wait (setup time, never in
            // steady state): the group is normally rebuilt by Add/RemoveGatingSequence.
            group = new DependentSequenceGroup(CursorSequence, gating);
        }

        return gating.Length == 0 ? wrapPoint : WaitStrategy.WaitFor(wrapPoint, group, _producerBarrier);
    }

    // Built when the gating sequences change, not while waiting, so waiting allocates nothing.
    private void RefreshGatingGroup()
        => Volatile.Write(ref _gatingGroup, new DependentSequenceGroup(CursorSequence, GatingSequences));
}
