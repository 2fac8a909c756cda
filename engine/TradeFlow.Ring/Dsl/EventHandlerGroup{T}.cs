using TradeFlow.Ring.Processing;

namespace TradeFlow.Ring.Dsl;

/// <summary>
/// A set of stages of a <see cref="Disruptor{T}"/>, from which later stages are chained: a stage
/// added with <see cref="Then"/> sees an event only after every stage of this group finished it.
/// </summary>
/// <typeparam name="T">The slot type.</typeparam>
public sealed class EventHandlerGroup<T>
    where T : class
{
    private readonly Disruptor<T> _disruptor;
    private readonly Sequence[] _sequences;

    internal EventHandlerGroup(Disruptor<T> disruptor, Sequence[] sequences)
    {
        _disruptor = disruptor;
        _sequences = sequences;
    }

    /// <summary>The progress sequences of the stages in this group.</summary>
    public IReadOnlyList<Sequence> Sequences => _sequences;

    /// <summary>Adds stages (in parallel with each other) that run after every stage of this group.</summary>
    public EventHandlerGroup<T> Then(params IEventHandler<T>[] handlers) => _disruptor.CreateStages(_sequences, handlers);

    /// <summary>The same as <see cref="Then"/>.</summary>
    public EventHandlerGroup<T> HandleEventsWith(params IEventHandler<T>[] handlers) => Then(handlers);

    /// <summary>This group together with <paramref name="other"/>: a later stage waits for both.</summary>
    public EventHandlerGroup<T> And(EventHandlerGroup<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new EventHandlerGroup<T>(_disruptor, [.. _sequences, .. other._sequences]);
    }

    /// <summary>A barrier that waits for every stage of this group, for a hand-made processor.</summary>
    public SequenceBarrier AsSequenceBarrier() => _disruptor.RingBuffer.NewBarrier(_sequences);
}
