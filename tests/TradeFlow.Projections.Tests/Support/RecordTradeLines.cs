using System.Collections.Immutable;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting;

namespace TradeFlow.Projections.Tests.Support;

/// <summary>
/// Accounting's trade-date lines as they were built before replay8 (a draft record copied with its lines, the lines
/// through an array builder): the reference the allocation-free <c>TradeLines.Create</c> must equal.
/// </summary>
internal static class RecordTradeLines
{
    public static AccountingTrade Create(TradeId id, TradeEconomics economics, AssetClass assetClass, Money notional,
        ReferenceDataSet referenceData)
    {
        var accrued = Accrual.Of(economics, assetClass, notional.Currency, referenceData);
        var draft = new AccountingTrade(id, economics, assetClass, notional, accrued, []);
        return draft with { OpenLines = draft.IsFx ? FxLines(draft) : SecurityLines(draft) };
    }

    private static ImmutableArray<PostingLine> SecurityLines(AccountingTrade t)
    {
        var e = t.Economics;
        var currency = t.Notional.Currency;
        var total = t.Consideration + t.AccruedInterest;
        var lines = ImmutableArray.CreateBuilder<PostingLine>(2);
        var sign = e.Side == Side.Buy ? 1m : -1m;
        lines.Add(new PostingLine(e.Side == Side.Buy ? Account.SettlementPayable : Account.SettlementReceivable,
            currency, e.Book, e.Counterparty, -sign * total));
        if (t.AccruedInterest != 0m)
        {
            lines.Add(new PostingLine(Account.AccruedInterest, currency, e.Book, null, sign * t.AccruedInterest));
        }

        return lines.ToImmutable();
    }

    private static ImmutableArray<PostingLine> FxLines(AccountingTrade t)
    {
        var e = t.Economics;
        var baseCurrency = e.Instrument.Base;
        var quoteCurrency = e.Instrument.Quote;
        var baseAmount = decimal.Round(e.Quantity.Value, baseCurrency.MinorUnits, MidpointRounding.AwayFromZero);
        var quoteAmount = t.Consideration;
        var sign = e.Side == Side.Buy ? 1m : -1m;
        var receiveAccount = e.Side == Side.Buy ? Account.SettlementReceivable : Account.SettlementPayable;
        var payAccount = e.Side == Side.Buy ? Account.SettlementPayable : Account.SettlementReceivable;
        return
        [
            new PostingLine(receiveAccount, baseCurrency, e.Book, e.Counterparty, sign * baseAmount),
            new PostingLine(Account.FxPosition, baseCurrency, e.Book, null, -sign * baseAmount),
            new PostingLine(Account.FxPosition, quoteCurrency, e.Book, null, sign * quoteAmount),
            new PostingLine(payAccount, quoteCurrency, e.Book, e.Counterparty, -sign * quoteAmount),
        ];
    }
}
