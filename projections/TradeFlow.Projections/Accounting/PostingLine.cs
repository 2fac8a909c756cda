using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Accounting;

/// <summary>One line of a journal entry: a signed amount (debit positive) on a ledger account.</summary>
/// <remarks>
/// 48 bytes. The counterparty is held unboxed, <c>default</c> standing for "none": a <see cref="Nullable{T}"/> of the
/// 16-byte-aligned <see cref="CounterpartyId"/> is its flag padded to 32 bytes, which made a line 64 bytes, in every
/// trade's open lines. <c>default(CounterpartyId)</c> is never a real counterparty (0…0 fails an LEI's check digits,
/// no factory returns it, and its converter cannot write it), so nothing a line could hold is lost.
/// </remarks>
public readonly record struct PostingLine
{
    // Declared in this order so the struct packs to 48 bytes: 4 + 4 + 8, then the two 16-byte values.
    private readonly Account _account;
    private readonly Currency _currency;
    private readonly BookId _book;
    private readonly CounterpartyId _counterparty;
    private readonly decimal _amount;

    /// <summary>A line on the ledger <paramref name="account"/> × <paramref name="currency"/> × <paramref name="book"/> (× <paramref name="counterparty"/>).</summary>
    /// <param name="account">The account.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="book">The book.</param>
    /// <param name="counterparty">The counterparty, for settlement receivables and payables only.</param>
    /// <param name="amount">Debit positive, credit negative, in minor units of <paramref name="currency"/>.</param>
    [JsonConstructor]
    public PostingLine(Account account, Currency currency, BookId book, CounterpartyId? counterparty, decimal amount)
    {
        _account = account;
        _currency = currency;
        _book = book;
        _counterparty = counterparty.GetValueOrDefault();
        _amount = amount;
    }

    /// <summary>The account.</summary>
    public Account Account { get => _account; init => _account = value; }

    /// <summary>The currency.</summary>
    public Currency Currency { get => _currency; init => _currency = value; }

    /// <summary>The book.</summary>
    public BookId Book { get => _book; init => _book = value; }

    /// <summary>The counterparty, for settlement receivables and payables only (null otherwise).</summary>
    public CounterpartyId? Counterparty
    {
        get => _counterparty.IsDefault ? null : _counterparty;
        init => _counterparty = value.GetValueOrDefault();
    }

    /// <summary>Debit positive, credit negative, in minor units of <see cref="Currency"/>.</summary>
    public decimal Amount { get => _amount; init => _amount = value; }

    /// <summary>The ledger the line posts to.</summary>
    [JsonIgnore]
    public LedgerKey Key => new(Account, Currency, Book, Counterparty);

    /// <summary>The same line with the opposite sign (a reversal).</summary>
    [JsonIgnore]
    public PostingLine Reversed => this with { Amount = -Amount };

    /// <summary>Deconstructs the line into its members, as the positional record did.</summary>
    public void Deconstruct(out Account account, out Currency currency, out BookId book, out CounterpartyId? counterparty, out decimal amount)
    {
        account = Account;
        currency = Currency;
        book = Book;
        counterparty = Counterparty;
        amount = Amount;
    }

    // The five members only: the generated printer also printed Reversed, whose own Reversed it printed in turn — a
    // stack overflow that took the test host down whenever an assertion tried to show a line.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture,
            $"Account = {Account}, Currency = {Currency}, Book = {Book}, Counterparty = {Counterparty}, Amount = {Amount}");
        return true;
    }
}
