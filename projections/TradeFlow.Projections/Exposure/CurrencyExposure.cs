using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Exposure;

/// <summary>A book's net position in one currency from its FX trades, and its value in the base currency.</summary>
/// <param name="Book">The book.</param>
/// <param name="Currency">The currency.</param>
/// <param name="Amount">Net amount (long positive).</param>
/// <param name="BaseCurrency">The bank's base currency.</param>
/// <param name="AmountInBase">The amount at the reference rate, rounded.</param>
public sealed record CurrencyExposure(BookId Book, Currency Currency, decimal Amount, Currency BaseCurrency, decimal AmountInBase);
