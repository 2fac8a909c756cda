using System.Runtime.CompilerServices;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// Maps a CLR type to its <see cref="DomainValueText"/> and checks a value's text with the parser its converter uses
/// (<c>Converters/*JsonConverter.TryParse</c>). The lengths are the converters' <c>MaxLength</c>: a longer text is left
/// to the deserializer (the converter's own bound is six times that, for escaped text, so this is stricter).
/// </summary>
internal static class DomainValueTexts
{
    /// <summary>The domain value <paramref name="type"/> is, or <see cref="DomainValueText.None"/>.</summary>
    public static DomainValueText Of(Type type) =>
        type == typeof(TradeId) ? DomainValueText.TradeId
        : type == typeof(InstrumentId) ? DomainValueText.InstrumentId
        : type == typeof(Quantity) ? DomainValueText.Quantity
        : type == typeof(Price) ? DomainValueText.Price
        : type == typeof(CounterpartyId) ? DomainValueText.CounterpartyId
        : type == typeof(BookId) ? DomainValueText.BookId
        : type == typeof(TraderId) ? DomainValueText.TraderId
        : type == typeof(BusinessDate) ? DomainValueText.BusinessDate
        : type == typeof(Money) ? DomainValueText.Money
        : type == typeof(Currency) ? DomainValueText.Currency
        : DomainValueText.None;

    /// <summary>The longest text checked here (the converter's <c>MaxLength</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MaxLength(DomainValueText value) => value switch
    {
        DomainValueText.TradeId => 13,
        DomainValueText.InstrumentId => 12,
        DomainValueText.Quantity => 32,
        DomainValueText.Price => 32,
        DomainValueText.CounterpartyId => 20,
        DomainValueText.BookId => 12,
        DomainValueText.TraderId => 12,
        DomainValueText.BusinessDate => 10,
        DomainValueText.Money => 40,
        DomainValueText.Currency => 3,
        _ => 0,
    };

    /// <summary>
    /// True when the converter for <paramref name="value"/> reads <paramref name="text"/>; false when it does not or
    /// when a parser throws. None should (<see cref="TradeId.TryParse(ReadOnlySpan{char}, out TradeId)"/> did, on a
    /// non-digit below '0', under the build's overflow checking, until it was fixed); if one does, verify must not
    /// crash: the deserializer then meets the same exception and reports it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(DomainValueText value, ReadOnlySpan<char> text)
    {
        try
        {
            return Parse(value, text);
        }
        catch (Exception ex) when (ex is OverflowException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Parse(DomainValueText value, ReadOnlySpan<char> text) => value switch
    {
        DomainValueText.TradeId => TradeId.TryParse(text, out _),
        DomainValueText.InstrumentId => InstrumentId.TryParse(text, out _),
        DomainValueText.Quantity => Quantity.TryParse(text, out _),
        DomainValueText.Price => Price.TryParse(text, out _),
        DomainValueText.CounterpartyId => CounterpartyId.TryParse(text, out _),
        DomainValueText.BookId => BookId.TryParse(text, out _),
        DomainValueText.TraderId => TraderId.TryParse(text, out _),
        DomainValueText.BusinessDate => BusinessDate.TryParse(text, out _),
        DomainValueText.Money => Money.TryParse(text, out _),
        DomainValueText.Currency => Currency.TryParse(text, out _),
        _ => false,
    };
}
