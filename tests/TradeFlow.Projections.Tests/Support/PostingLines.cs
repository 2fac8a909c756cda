using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Support;

/// <summary>
/// Posting lines for the line properties: every account and currency, four books, no counterparty or one of three,
/// and any amount (<see cref="Amounts.Any"/>) — built by <c>line</c>, so the same draws make the current
/// <see cref="PostingLine"/> and the kept <see cref="RecordPostingLine"/> alike.
/// </summary>
public static class PostingLines
{
    private static readonly BookId[] Books = [DemoIds.EquitiesNy, DemoIds.EquitiesLdn, DemoIds.FxLdn, DemoIds.RatesLdn];
    private static readonly CounterpartyId?[] Counterparties = [null, DemoIds.GoldmanSachs, DemoIds.DeutscheBank, DemoIds.Barclays];

    /// <summary>Lines made by <paramref name="line"/> from random fields.</summary>
    public static Gen<T> Any<T>(Func<Account, Currency, BookId, CounterpartyId?, decimal, T> line) =>
        from account in Gen.Choose(1, 9)
        from currency in Gen.Elements(Currency.All.ToArray())
        from book in Gen.Elements(Books)
        from counterparty in Gen.Elements(Counterparties)
        from amount in Amounts.Any
        select line((Account)account, currency, book, counterparty, amount);
}
