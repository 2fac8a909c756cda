namespace TradeFlow.Fix.Session;

/// <summary>Thrown by <see cref="IApplication.FromApp"/> for a message type the application does not handle: answered with BusinessMessageReject (j), 380=3.</summary>
public sealed class UnsupportedMessageTypeException : Exception
{

    /// <summary>Creates the exception with a message (analyzer convention).</summary>
    public UnsupportedMessageTypeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause (analyzer convention).</summary>
    public UnsupportedMessageTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception (analyzer convention).</summary>
    public UnsupportedMessageTypeException()
    {
    }
}
