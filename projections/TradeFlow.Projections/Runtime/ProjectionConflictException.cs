namespace TradeFlow.Projections.Runtime;

/// <summary>Another runner advanced the saved checkpoint since this runner loaded or saved it.</summary>
public sealed class ProjectionConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProjectionConflictException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ProjectionConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ProjectionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
