namespace TradeFlow.Ring.Processing;

/// <summary>A consumer that runs a handler over a ring on its own thread, and reports its progress in <see cref="Sequence"/>.</summary>
public interface IEventProcessor
{
    /// <summary>The highest sequence this processor has finished; downstream barriers and producers gate on it.</summary>
    Sequence Sequence { get; }

    /// <summary>True from start until the processing thread has exited.</summary>
    bool IsRunning { get; }

    /// <summary>The failure that halted the processor, if one did (see <see cref="IExceptionHandler{T}"/>).</summary>
    Exception? Fault { get; }

    /// <summary>Starts processing on a new dedicated background thread, which it returns.</summary>
    /// <exception cref="InvalidOperationException">The processor is already running.</exception>
    Thread Start(string? threadName = null);

    /// <summary>Processes on the calling thread until halted.</summary>
    /// <exception cref="InvalidOperationException">The processor is already running.</exception>
    void Run();

    /// <summary>
    /// Asks the processor to stop once its current batch is done; returns at once. Events not yet
    /// processed stay in the ring; a later start carries on from <see cref="Sequence"/> + 1.
    /// </summary>
    void Halt();

    /// <summary>Waits until the processing thread has exited; false on timeout.</summary>
    bool WaitUntilHalted(TimeSpan timeout);
}
