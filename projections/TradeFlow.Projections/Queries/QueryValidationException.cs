using System.Collections.Immutable;

namespace TradeFlow.Projections.Queries;

/// <summary>A query was refused before it ran; <see cref="Errors"/> names every problem (the HTTP API answers 400 with them).</summary>
public sealed class QueryValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public QueryValidationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public QueryValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public QueryValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a query and its problems.</summary>
    public QueryValidationException(string queryName, IEnumerable<string> errors)
        : this($"{queryName} is invalid: {string.Join("; ", errors ?? [])}")
    {
        Errors = [.. errors ?? []];
    }

    /// <summary>Every problem found.</summary>
    public ImmutableArray<string> Errors { get; } = [];
}
