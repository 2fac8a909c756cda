using System.Diagnostics.CodeAnalysis;

namespace TradeFlow.Ring.Processing;

/// <summary>
/// Runs an <see cref="IEventHandler{T}"/> over a <see cref="RingBuffer{T}"/>: waits on its barrier
/// for whatever is available, hands the handler every event of that batch in order (flagging the
/// last), then publishes its progress in one store. Generic over the handler so that a struct
/// handler gets a specialised loop with direct, inlinable calls.
/// </summary>
/// <typeparam name="T">The slot type.</typeparam>
/// <typeparam name="THandler">The handler type (a struct for specialisation, or any class).</typeparam>
public sealed class BatchEventProcessor<T, THandler> : EventProcessor
    where T : class
    where THandler : IEventHandler<T>
{
    private readonly RingBuffer<T> _ring;
    private readonly bool _hasBatchStart;
    private IExceptionHandler<T> _exceptionHandler;

    // Not readonly: a struct handler may keep state, and a readonly field would be copied per call.
    private THandler _handler;

    /// <summary>
    /// Creates a processor of <paramref name="ring"/> behind <paramref name="barrier"/>. Add its
    /// <see cref="EventProcessor.Sequence"/> to the ring's gating sequences (or to a later stage's
    /// barrier) before publishing. Failures go to <paramref name="exceptionHandler"/>, by default
    /// <see cref="HaltOnExceptionHandler{T}"/>.
    /// </summary>
    public BatchEventProcessor(RingBuffer<T> ring, SequenceBarrier barrier, THandler handler, IExceptionHandler<T>? exceptionHandler = null)
        : base(barrier)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(handler);
        _ring = ring;
        _handler = handler;
        _exceptionHandler = exceptionHandler ?? new HaltOnExceptionHandler<T>();
        _hasBatchStart = HandlerInfo.Implements(handler.GetType(), typeof(IEventHandler<T>), nameof(IEventHandler<T>.OnBatchStart));
    }

    /// <summary>Replaces the exception policy; only while the processor is not running.</summary>
    public void SetExceptionHandler(IExceptionHandler<T> exceptionHandler)
    {
        ArgumentNullException.ThrowIfNull(exceptionHandler);
        if (IsRunning)
        {
            ThrowHelper.ThrowProcessorRunning();
        }

        _exceptionHandler = exceptionHandler;
    }

    /// <inheritdoc/>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Every handler failure goes to the exception handler, which decides; it is never swallowed here.")]
    private protected override void ProcessEvents()
    {
        var next = Sequence.Value + 1;
        while (true)
        {
            try
            {
                var available = Barrier.WaitFor(next);
                if (_hasBatchStart)
                {
                    _handler.OnBatchStart(available - next + 1);
                }

                for (; next <= available; next++)
                {
                    _handler.OnEvent(_ring[next], next, next == available);
                }

                PublishProgress(available);
            }
            catch (AlertException)
            {
                if (IsHalting)
                {
                    return;
                }
            }
            catch (Exception ex)
            {
                // The events before the failed one are done: say so first, so that downstream
                // stages (and a drain) see exactly where this stage stopped if it halts. The
                // policy then either returns (the failed event counts as processed and we go on)
                // or throws, which ends the loop and becomes the processor's Fault.
                PublishProgress(next - 1);
                _exceptionHandler.HandleEventException(ex, next, _ring[next]);
                PublishProgress(next);
                next++;
            }
        }
    }

    /// <inheritdoc/>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Routed to the exception handler.")]
    private protected override void NotifyStart()
    {
        try
        {
            _handler.OnStart();
        }
        catch (Exception ex)
        {
            _exceptionHandler.HandleOnStartException(ex);
        }
    }

    /// <inheritdoc/>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Routed to the exception handler.")]
    private protected override void NotifyShutdown()
    {
        try
        {
            _handler.OnShutdown();
        }
        catch (Exception ex)
        {
            _exceptionHandler.HandleOnShutdownException(ex);
        }
    }

    private void PublishProgress(long sequence)
    {
        // Release store: our writes to the slots (e.g. a risk stage's enrichment) are visible to a
        // downstream stage that reads this sequence.
        Sequence.SetValue(sequence);
        if (SignalsProgress)
        {
            WaitStrategy.SignalAllWhenBlocking();
        }
    }
}
