namespace TradeFlow.Ring.Processing;

/// <summary>
/// Reports each handler failure to a callback and carries on with the next event: for stages
/// where one bad event must not stop the rest (the failed event counts as processed). The callback
/// gets the exception, the sequence (-1 for <c>OnStart</c>/<c>OnShutdown</c>) and the slot
/// (default for lifecycle failures). If the callback throws, the processor halts with that fault.
/// </summary>
/// <typeparam name="T">The slot type.</typeparam>
public sealed class LogAndContinueExceptionHandler<T> : IExceptionHandler<T>
{
    private readonly Action<Exception, long, T?> _log;

    /// <summary>Creates the policy reporting to <paramref name="log"/>.</summary>
    public LogAndContinueExceptionHandler(Action<Exception, long, T?> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
    }

    /// <inheritdoc/>
    public void HandleEventException(Exception exception, long sequence, T data) => _log(exception, sequence, data);

    /// <inheritdoc/>
    public void HandleOnStartException(Exception exception) => _log(exception, -1, default);

    /// <inheritdoc/>
    public void HandleOnShutdownException(Exception exception) => _log(exception, -1, default);
}
