using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Accounting;

/// <summary>A ledger: account × currency × book, and counterparty for settlement receivables and payables.</summary>
/// <param name="Account">The account.</param>
/// <param name="Currency">The currency.</param>
/// <param name="Book">The book.</param>
/// <param name="Counterparty">The counterparty sub-ledger, or null.</param>
public readonly record struct LedgerKey(Account Account, Currency Currency, BookId Book, CounterpartyId? Counterparty)
{
    /// <summary>Orders by account, currency, book, then counterparty (the order reports and the state hash use).</summary>
    public static IComparer<LedgerKey> Order { get; } = Comparer<LedgerKey>.Create(static (a, b) => a.CompareTo(b));

    private int CompareTo(LedgerKey other)
    {
        var c = Account.CompareTo(other.Account);
        if (c == 0)
        {
            c = Currency.CompareTo(other.Currency);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(Book.ToString(), other.Book.ToString());
        }

        return c != 0 ? c : string.CompareOrdinal(Counterparty?.ToString(), other.Counterparty?.ToString());
    }
}
