using System.Diagnostics.CodeAnalysis;

namespace TradeFlow.Ring.Processing;

/// <summary>
/// A consumer stage's logic over value-type slots, called by a
/// <see cref="ValueBatchEventProcessor{T, THandler}"/> with a reference into the ring.
/// </summary>
/// <typeparam name="T">The slot type.</typeparam>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The Disruptor's name for a stage's handler, which the engine's brief uses; it is not a .NET event delegate.")]
public interface IValueEventHandler<T>
    where T : struct
{
    /// <summary>
    /// Handles the slot at <paramref name="sequence"/> in place. <paramref name="endOfBatch"/> is true
    /// for the last event currently available.
    /// </summary>
    void OnEvent(ref T data, long sequence, bool endOfBatch);

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
