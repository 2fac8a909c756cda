namespace TradeFlow.Ring;

/// <summary>
/// Thrown out of <see cref="SequenceBarrier.WaitFor"/> when the barrier was alerted, which is how a
/// processor blocked in a wait strategy learns that it must halt. One instance is reused: an alert
/// is a control signal, not an error, and carries no state.
/// </summary>
public sealed class AlertException : Exception
{
    /// <summary>The single instance thrown by barriers.</summary>
    public static readonly AlertException Instance = new();

    /// <summary>Creates an alert.</summary>
    public AlertException()
        : base("The sequence barrier was alerted.")
    {
    }

    /// <summary>Creates an alert with a message.</summary>
    public AlertException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an alert with a message and a cause.</summary>
    public AlertException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
