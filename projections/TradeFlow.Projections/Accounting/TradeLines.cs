using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting.Kept;

namespace TradeFlow.Projections.Accounting;

/// <summary>The trade-date receivable/payable lines of a trade (docs/accounting.md, "Trade date").</summary>
internal static class TradeLines
{
    /// <summary>Builds the accounting view of a trade from its economics and notional, its lines' ledgers named in <paramref name="ledgers"/>.</summary>
    public static AccountingTradeState Create(TradeId id, TradeEconomics economics, AssetClass assetClass, Money notional,
        ReferenceDataSet referenceData, LedgerTable ledgers)
    {
        var accrued = Accrual.Of(economics, assetClass, notional.Currency, referenceData);
        // The lines are computed from the same fields the record would hold, and the record is made once with them: a
        // draft record copied with its lines was a second 88-byte record per booking, garbage at once.
        var consideration = notional.Round().Amount;
        // On the stack: the state keeps them compactly (AccountingTradeState), so no array of whole lines is made.
        Span<PostingLine> lines = stackalloc PostingLine[4];
        var count = assetClass is AssetClass.FxSpot or AssetClass.FxForward
            ? FxLines(economics, consideration, lines)
            : SecurityLines(economics, notional.Currency, consideration, accrued, lines);
        return new AccountingTradeState(id, economics, assetClass, notional, accrued, lines[..count], ledgers);
    }

    private static int SecurityLines(TradeEconomics e, Currency currency, decimal consideration, decimal accruedInterest,
        Span<PostingLine> lines)
    {
        var total = consideration + accruedInterest;
        // Buy: the bank owes the seller clean + accrued; the accrued it pays is an asset until the coupon repays it.
        var sign = e.Side == Side.Buy ? 1m : -1m;
        var settlement = new PostingLine(e.Side == Side.Buy ? Account.SettlementPayable : Account.SettlementReceivable,
            currency, e.Book, e.Counterparty, -sign * total);
        lines[0] = settlement;
        if (accruedInterest == 0m)
        {
            return 1;
        }

        lines[1] = new PostingLine(Account.AccruedInterest, currency, e.Book, null, sign * accruedInterest);
        return 2;
    }

    private static int FxLines(TradeEconomics e, decimal consideration, Span<PostingLine> lines)
    {
        // Each currency balances on its own through the FX position account, so the trial balance is zero per currency.
        var baseCurrency = e.Instrument.Base;
        var quoteCurrency = e.Instrument.Quote;
        var baseAmount = decimal.Round(e.Quantity.Value, baseCurrency.MinorUnits, MidpointRounding.AwayFromZero);
        var quoteAmount = consideration;
        var sign = e.Side == Side.Buy ? 1m : -1m;
        var receiveAccount = e.Side == Side.Buy ? Account.SettlementReceivable : Account.SettlementPayable;
        var payAccount = e.Side == Side.Buy ? Account.SettlementPayable : Account.SettlementReceivable;
        lines[0] = new PostingLine(receiveAccount, baseCurrency, e.Book, e.Counterparty, sign * baseAmount);
        lines[1] = new PostingLine(Account.FxPosition, baseCurrency, e.Book, null, -sign * baseAmount);
        lines[2] = new PostingLine(Account.FxPosition, quoteCurrency, e.Book, null, sign * quoteAmount);
        lines[3] = new PostingLine(payAccount, quoteCurrency, e.Book, e.Counterparty, -sign * quoteAmount);
        return 4;
    }

    /// <summary>The notional of <paramref name="trade"/> at a new quantity (partial termination carries no notional).</summary>
    public static Money NotionalAt(AccountingTradeState trade, Quantity quantity, ReferenceDataSet data) =>
        data.TryGetInstrument(trade.Economics.Instrument, out var instrument)
            ? instrument.GrossAmount(quantity, trade.Economics.Price)
            : trade.Notional * (quantity.Value / trade.Economics.Quantity.Value);
}
