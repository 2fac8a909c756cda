namespace TradeFlow.Domain.Values;

/// <summary>
/// Thrown when an operation mixes two currencies (adding EUR to USD, comparing them):
/// money in different currencies is only comparable after an explicit FX conversion.
/// </summary>
public sealed class CurrencyMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception for an operation on two currencies.</summary>
    public CurrencyMismatchException(Currency left, Currency right, string operation)
        : base($"Cannot {operation} {left} and {right}: the currencies differ; convert explicitly first.")
    {
        Left = left;
        Right = right;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public CurrencyMismatchException()
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public CurrencyMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public CurrencyMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The left operand's currency.</summary>
    public Currency Left { get; }

    /// <summary>The right operand's currency.</summary>
    public Currency Right { get; }
}
