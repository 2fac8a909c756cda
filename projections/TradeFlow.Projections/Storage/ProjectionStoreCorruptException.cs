namespace TradeFlow.Projections.Storage;

/// <summary>A saved projection snapshot cannot be trusted; the message names the file and the problem.</summary>
public sealed class ProjectionStoreCorruptException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProjectionStoreCorruptException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ProjectionStoreCorruptException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ProjectionStoreCorruptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
