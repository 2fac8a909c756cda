namespace TradeFlow.Fix.Session;

/// <summary>Thrown by <see cref="IApplication.ToApp"/> to stop a message from being sent (on a resend it is gap-filled instead).</summary>
public sealed class DoNotSendException : Exception
{

    /// <summary>Creates the exception with a message (analyzer convention).</summary>
    public DoNotSendException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause (analyzer convention).</summary>
    public DoNotSendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception (analyzer convention).</summary>
    public DoNotSendException()
    {
    }
}
