namespace TradeFlow.Fix.Dictionary;

/// <summary>A dictionary file that cannot be loaded; the message names the file, the element and the line.</summary>
public sealed class DataDictionaryException : Exception
{
    /// <summary>Creates the exception with a message naming file, element and line.</summary>
    public DataDictionaryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public DataDictionaryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public DataDictionaryException()
    {
    }
}
