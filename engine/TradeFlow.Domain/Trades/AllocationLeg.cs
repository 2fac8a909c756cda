using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>One child of a block allocation: where a slice of the block goes.</summary>
/// <param name="Book">The child's book.</param>
/// <param name="Counterparty">The child's counterparty (the fund or account allocated to).</param>
/// <param name="Quantity">The child's quantity; the legs sum exactly to the block.</param>
public sealed record AllocationLeg(BookId Book, CounterpartyId Counterparty, Quantity Quantity);
