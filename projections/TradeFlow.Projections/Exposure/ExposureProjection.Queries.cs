using System.Collections.Immutable;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Exposure;

/// <summary>The risk views.</summary>
public sealed partial class ExposureProjection
{
    /// <summary>Positions (non-flat or with realised P&amp;L) by book and instrument, optionally of one book.</summary>
    public IReadOnlyList<Position> Positions(BookId? book = null) =>
    [
        .. _positions.Values
            .Where(p => (book is null || p.Book == book) && (p.Quantity != 0m || p.Realised != 0m))
            .OrderBy(p => p.Book.ToString(), StringComparer.Ordinal).ThenBy(p => p.Instrument)
            .Select(ToPosition),
    ];

    /// <summary>Exposure of every counterparty with live trades (or of one), against its limit.</summary>
    public IReadOnlyList<CounterpartyExposure> CounterpartyExposures(CounterpartyId? counterparty = null) =>
    [
        .. _trades.Values
            .Where(t => !t.Closed && (counterparty is null || t.Economics.Counterparty == counterparty))
            .GroupBy(t => t.Economics.Counterparty)
            .Select(g => ExposureOf(g.Key, [.. g]))
            .OfType<CounterpartyExposure>()
            .OrderBy(x => x.Counterparty.ToString(), StringComparer.Ordinal),
    ];

    /// <summary>Net currency positions of each book from its FX trades, valued in the base currency.</summary>
    public IReadOnlyList<CurrencyExposure> CurrencyExposures(BookId? book = null)
    {
        var rates = _referenceData.FxRates;
        var amounts = new Dictionary<(BookId, Currency), decimal>();
        foreach (var t in _trades.Values.Where(t => t.IsFx && !t.Closed && (book is null || t.Economics.Book == book)))
        {
            var sign = t.Economics.Side == Side.Buy ? 1m : -1m;
            var key = t.Economics.Book;
            Accounting.CollectionsMarshalExtensions.AddTo(amounts, (key, t.Economics.Instrument.Base), sign * t.Economics.Quantity.Value);
            Accounting.CollectionsMarshalExtensions.AddTo(amounts, (key, t.Economics.Instrument.Quote), -sign * t.Notional.Amount);
        }

        return
        [
            .. amounts.Where(kv => kv.Value != 0m)
                .OrderBy(kv => kv.Key.Item1.ToString(), StringComparer.Ordinal).ThenBy(kv => kv.Key.Item2)
                .Select(kv => new CurrencyExposure(kv.Key.Item1, kv.Key.Item2, kv.Value, rates.BaseCurrency,
                    rates.TryConvertToBase(new Money(kv.Value, kv.Key.Item2), out var inBase) ? inBase.Round().Amount : 0m)),
        ];
    }

    private CounterpartyExposure? ExposureOf(CounterpartyId id, List<ExposureTradeState> trades)
    {
        if (LimitOf(id) is not { } limit)
        {
            return null;
        }

        var currency = limit.Currency;
        var byDate = new SortedDictionary<BusinessDate, decimal>();
        decimal risk = 0m, mtmGross = 0m, mtmNet = 0m;
        foreach (var trade in trades)
        {
            var r = ExposureRule.SettlementRiskOf(trade, currency, _referenceData).Amount;
            if (r != 0m)
            {
                risk += r;
                byDate[trade.Economics.SettlementDate] = byDate.GetValueOrDefault(trade.Economics.SettlementDate) + r;
            }

            var mtm = ExposureRule.MarkToMarketOf(trade, currency, _referenceData).Amount;
            mtmGross += Math.Max(mtm, 0m);
            mtmNet += mtm;
        }

        var utilised = risk + Math.Max(mtmNet, 0m);
        var hard = limit.Hard.Amount;
        var breach = utilised > hard ? LimitBreach.Hard : utilised > limit.Soft.Amount ? LimitBreach.Soft : LimitBreach.None;
        return new CounterpartyExposure(id, limit.LimitId, currency, risk, mtmGross, mtmNet, utilised, risk + mtmGross,
            hard, limit.Soft.Amount, hard == 0m ? 0m : decimal.Round(utilised / hard * 100m, 2), hard - utilised, breach,
            [.. byDate.Select(kv => new ValueDateAmount(kv.Key, kv.Value))]);
    }

    private Position ToPosition(Accounting.Inventory p)
    {
        var quantity = p.Quantity;
        decimal? average = quantity == 0m ? null : AverageCost(p, quantity);
        decimal? marketValue = null;
        if (_referenceData.Marks.TryGetPrice(p.Instrument, out var mark)
            && _referenceData.TryGetInstrument(p.Instrument, out var instrument))
        {
            marketValue = Math.Sign(quantity) * instrument.GrossAmount(Quantity.Of(Math.Abs(quantity)), mark).Round().Amount;
        }

        return new Position(p.Book, p.Instrument, p.Currency, quantity, p.Cost, average, marketValue,
            marketValue - p.Cost, p.Realised);
    }

    private decimal AverageCost(Accounting.Inventory p, decimal quantity)
    {
        var perUnit = p.Cost / quantity;
        var isBond = _referenceData.TryGetInstrument(p.Instrument, out var instrument) && instrument.Bond is not null;
        return decimal.Round(isBond ? perUnit * 100m : perUnit, 6);
    }
}
