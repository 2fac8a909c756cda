using System.Text.Json.Serialization;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Accounting;

/// <summary>One line of a journal entry: a signed amount (debit positive) on a ledger account.</summary>
/// <param name="Account">The account.</param>
/// <param name="Currency">The currency.</param>
/// <param name="Book">The book.</param>
/// <param name="Counterparty">The counterparty, for settlement receivables and payables only.</param>
/// <param name="Amount">Debit positive, credit negative, in minor units of <paramref name="Currency"/>.</param>
public readonly record struct PostingLine(Account Account, Currency Currency, BookId Book, CounterpartyId? Counterparty, decimal Amount)
{
    /// <summary>The ledger the line posts to.</summary>
    [JsonIgnore]
    public LedgerKey Key => new(Account, Currency, Book, Counterparty);

    /// <summary>The same line with the opposite sign (a reversal).</summary>
    [JsonIgnore]
    public PostingLine Reversed => this with { Amount = -Amount };
}
