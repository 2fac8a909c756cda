using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Events;

/// <summary>A child trade created by an allocation.</summary>
/// <param name="ChildTradeId">The child's id (its own stream).</param>
/// <param name="Book">The child's book.</param>
/// <param name="Counterparty">The child's counterparty.</param>
/// <param name="Quantity">The child's quantity.</param>
public sealed record AllocatedChild(TradeId ChildTradeId, BookId Book, CounterpartyId Counterparty, Quantity Quantity);
