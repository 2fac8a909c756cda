namespace TradeFlow.Ring.Processing;

/// <summary>
/// Decides what a processor does when its handler throws. Returning continues with the next event
/// (the failed one counts as processed); throwing halts the processor, which keeps the thrown
/// exception as its <see cref="IEventProcessor.Fault"/>. Nothing is swallowed silently.
/// </summary>
/// <typeparam name="T">The slot type.</typeparam>
public interface IExceptionHandler<in T>
{
    /// <summary>The handler threw <paramref name="exception"/> while handling <paramref name="data"/> at <paramref name="sequence"/>.</summary>
    void HandleEventException(Exception exception, long sequence, T data);

    /// <summary>The handler's <c>OnStart</c> threw.</summary>
    void HandleOnStartException(Exception exception);

    /// <summary>The handler's <c>OnShutdown</c> threw.</summary>
    void HandleOnShutdownException(Exception exception);
}
