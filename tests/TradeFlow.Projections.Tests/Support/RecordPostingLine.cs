using System.Text.Json.Serialization;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting;

namespace TradeFlow.Projections.Tests.Support;

/// <summary>
/// The posting line as it was before mem11 (a positional record struct with a <c>CounterpartyId?</c>, 64 bytes), kept
/// as the reference the 48-byte <see cref="PostingLine"/> must write, read and compare exactly as.
/// </summary>
public readonly record struct RecordPostingLine(Account Account, Currency Currency, BookId Book, CounterpartyId? Counterparty, decimal Amount)
{
    [JsonIgnore]
    public LedgerKey Key => new(Account, Currency, Book, Counterparty);

    public PostingLine ToLine() => new(Account, Currency, Book, Counterparty, Amount);
}
