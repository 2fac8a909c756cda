using System.Diagnostics.CodeAnalysis;

namespace TradeFlow.Ring.Processing;

/// <summary>
/// A consumer stage's logic over class slots, called by a <see cref="BatchEventProcessor{T, THandler}"/>
/// on its own thread, in sequence order, for every published event.
/// </summary>
/// <typeparam name="T">The slot type.</typeparam>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The Disruptor's name for a stage's handler, which the engine's brief uses; it is not a .NET event delegate.")]
public interface IEventHandler<in T>
    where T : class
{
    /// <summary>
    /// Handles the slot at <paramref name="sequence"/>. <paramref name="endOfBatch"/> is true for the
    /// last event currently available: the moment to flush or commit what the batch accumulated.
    /// </summary>
    void OnEvent(T data, long sequence, bool endOfBatch);

    /// <summary>Called before each batch with its size (≥ 1). Only called if the handler implements it.</summary>
    void OnBatchStart(long batchSize)
    {
    }

    /// <summary>Called on the processor's thread before the first event.</summary>
    void OnStart()
    {
    }

    /// <summary>Called on the processor's thread after the last event, when it halts.</summary>
    void OnShutdown()
    {
    }
}
