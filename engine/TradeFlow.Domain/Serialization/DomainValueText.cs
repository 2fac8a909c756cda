namespace TradeFlow.Domain.Serialization;

/// <summary>
/// The domain values <see cref="DomainJsonContext"/> writes as strings through a <c>SpanValueConverter</c>, and the
/// very TryParse each converter calls — so a value this accepts is one the converter accepts.
/// </summary>
internal enum DomainValueText
{
    /// <summary>Not a domain value.</summary>
    None,

    /// <summary><see cref="Values.TradeId"/>.</summary>
    TradeId,

    /// <summary><see cref="Values.InstrumentId"/>.</summary>
    InstrumentId,

    /// <summary><see cref="Values.Quantity"/>.</summary>
    Quantity,

    /// <summary><see cref="Values.Price"/>.</summary>
    Price,

    /// <summary><see cref="Values.CounterpartyId"/>.</summary>
    CounterpartyId,

    /// <summary><see cref="Values.BookId"/>.</summary>
    BookId,

    /// <summary><see cref="Values.TraderId"/>.</summary>
    TraderId,

    /// <summary><see cref="Values.BusinessDate"/>.</summary>
    BusinessDate,

    /// <summary><see cref="Values.Money"/>.</summary>
    Money,

    /// <summary><see cref="Values.Currency"/>.</summary>
    Currency,
}
