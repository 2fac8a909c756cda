namespace TradeFlow.Fix.Session;

/// <summary>Thrown by <see cref="IApplication.FromAdmin"/> to refuse a Logon: the session answers Logout with the message as Text (58) and disconnects.</summary>
public sealed class RejectLogonException : Exception
{

    /// <summary>Creates the exception with a message (analyzer convention).</summary>
    public RejectLogonException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause (analyzer convention).</summary>
    public RejectLogonException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception (analyzer convention).</summary>
    public RejectLogonException()
    {
    }
}
