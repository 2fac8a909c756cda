namespace TradeFlow.Engine;

/// <summary>A command was submitted to an engine that is not running (not started, stopped, or faulted).</summary>
public sealed class EngineNotRunningException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="state"/>, with the fault if any.</summary>
    public EngineNotRunningException(EngineState state, Exception? fault)
        : base(fault is null
            ? $"The trade engine is not running (it is {state})."
            : $"The trade engine is not running (it is {state}): {fault.Message}", fault)
    {
        State = state;
    }

    /// <summary>Creates the exception.</summary>
    public EngineNotRunningException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public EngineNotRunningException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public EngineNotRunningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The engine's state when the command was refused.</summary>
    public EngineState State { get; }
}
