namespace TradeFlow.Server.Http.Errors;

/// <summary>A request was refused before it reached a handler; <see cref="Errors"/> maps each bad field to its problems (answered as 400).</summary>
public sealed class RequestValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RequestValidationException()
        : this(new Dictionary<string, string[]>())
    {
    }

    /// <summary>Creates the exception with a message and no field.</summary>
    public RequestValidationException(string message)
        : base(message)
    {
        Errors = new Dictionary<string, string[]>();
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public RequestValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, string[]>();
    }

    /// <summary>Creates the exception for the fields' problems.</summary>
    public RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("Invalid request: " + string.Join("; ", (errors ?? new Dictionary<string, string[]>()).Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
    {
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    /// <summary>Each bad field (camelCase, as the client sent it) and what is wrong with it.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
