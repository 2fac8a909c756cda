namespace TradeFlow.Ring.Processing;

/// <summary>
/// The default policy: a handler failure halts the processor and surfaces as its
/// <see cref="IEventProcessor.Fault"/> (an <see cref="EventProcessingException"/> naming the
/// sequence), and <c>Disruptor.Shutdown</c> rethrows it. Events after the failed one stay in the
/// ring, unprocessed; producers stop once the ring is full, so a halted stage is visible, not lossy.
/// </summary>
/// <typeparam name="T">The slot type.</typeparam>
public sealed class HaltOnExceptionHandler<T> : IExceptionHandler<T>
{
    private readonly Action<Exception, long>? _onHalt;

    /// <summary>Creates the policy; <paramref name="onHalt"/>, if given, hears of each failure (exception, sequence) before the processor halts.</summary>
    public HaltOnExceptionHandler(Action<Exception, long>? onHalt = null)
    {
        _onHalt = onHalt;
    }

    /// <inheritdoc/>
    public void HandleEventException(Exception exception, long sequence, T data)
    {
        _onHalt?.Invoke(exception, sequence);
        throw new EventProcessingException(sequence, exception);
    }

    /// <inheritdoc/>
    public void HandleOnStartException(Exception exception)
    {
        _onHalt?.Invoke(exception, -1);
        throw new EventProcessingException("The event handler's OnStart failed.", exception);
    }

    /// <inheritdoc/>
    public void HandleOnShutdownException(Exception exception)
    {
        _onHalt?.Invoke(exception, -1);
        throw new EventProcessingException("The event handler's OnShutdown failed.", exception);
    }
}
