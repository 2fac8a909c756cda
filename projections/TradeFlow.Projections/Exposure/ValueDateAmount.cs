using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Exposure;

/// <summary>An amount due on a value date.</summary>
/// <param name="ValueDate">The value date.</param>
/// <param name="Amount">The amount.</param>
public sealed record ValueDateAmount(BusinessDate ValueDate, decimal Amount);
