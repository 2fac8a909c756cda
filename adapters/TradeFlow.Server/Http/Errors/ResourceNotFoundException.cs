namespace TradeFlow.Server.Http.Errors;

/// <summary>The addressed resource (a trade, a counterparty) does not exist (answered as 404).</summary>
public sealed class ResourceNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ResourceNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message naming what was not found.</summary>
    public ResourceNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ResourceNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
