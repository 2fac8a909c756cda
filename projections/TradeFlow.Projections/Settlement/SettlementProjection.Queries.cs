using TradeFlow.Domain.Calendars;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Settlement;

/// <summary>The back office's settlement views.</summary>
public sealed partial class SettlementProjection
{
    /// <summary>Obligations of one trade (any status but closed).</summary>
    public IReadOnlyList<Obligation> ObligationsOf(TradeId id) =>
        _trades.TryGetValue(id, out var t) ? SettlementRules.ObligationsOf(t.ToTrade(), _referenceData) : [];

    /// <summary>All outstanding obligations, by value date then trade.</summary>
    public IReadOnlyList<Obligation> OutstandingObligations() =>
    [
        .. _trades.Values.Where(t => t.IsOutstanding).OrderBy(t => t.Economics.SettlementDate).ThenBy(t => t.TradeId)
            .SelectMany(t => SettlementRules.ObligationsOf(t.ToTrade(), _referenceData)),
    ];

    /// <summary>Outstanding trades that cannot be instructed for want of an SSI, with the reason.</summary>
    public IReadOnlyList<SettlementBreak> Exceptions() =>
    [
        .. OutstandingObligations().Where(o => o.Account is null)
            .Select(o => (o.TradeId, o.Currency)).Distinct()
            .Select(k => _trades[k.TradeId].ToTrade() is var t
                ? new SettlementBreak(t.TradeId, t.Economics.Counterparty, k.Currency, t.AssetClass,
                    SettlementRules.MissingInstruction(t, k.Currency, _referenceData) ?? "no instruction")
                : null!),
    ];

    /// <summary>Outstanding cash obligations with an account, netted by counterparty × currency × value date × account.</summary>
    public IReadOnlyList<NettingSet> NettingSets() =>
    [
        .. OutstandingObligations().Where(o => o.IsCash && o.Account is not null)
            .GroupBy(o => (o.Counterparty, o.Currency, o.ValueDate, Account: o.Account!))
            .Select(g => new NettingSet(g.Key.Counterparty, g.Key.Currency, g.Key.ValueDate, g.Key.Account,
                g.Where(o => o.Kind == ObligationKind.ReceiveCash).Sum(o => o.Amount),
                g.Where(o => o.Kind == ObligationKind.PayCash).Sum(o => o.Amount), g.Count()))
            .OrderBy(n => n.ValueDate).ThenBy(n => n.Counterparty.ToString(), StringComparer.Ordinal)
            .ThenBy(n => n.Currency).ThenBy(n => n.Account, StringComparer.Ordinal),
    ];

    /// <summary>Failed trades with their age in business days on <paramref name="asOf"/>.</summary>
    public IReadOnlyList<FailRow> Fails(BusinessDate asOf) =>
    [
        .. _trades.Values.Where(t => t.Status == SettlementStatus.Failed).OrderBy(t => t.TradeId)
            .Select(t => new FailRow(t.TradeId, t.Economics.Counterparty, t.FailReason ?? string.Empty, t.Attempt,
                t.Economics.SettlementDate, Age(t.Economics, asOf))),
    ];

    /// <summary>
    /// Cash due per currency on each of the <paramref name="businessDays"/> business days (of that currency's
    /// calendar) from <paramref name="from"/>, plus an overdue row for what fell due earlier and is still outstanding.
    /// </summary>
    public IReadOnlyList<LadderRow> Ladder(BusinessDate from, int businessDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(businessDays, 1);
        var rows = new List<LadderRow>();
        foreach (var byCurrency in OutstandingObligations().Where(o => o.IsCash).GroupBy(o => o.Currency).OrderBy(g => g.Key))
        {
            var calendar = _referenceData.TryGetCalendar(byCurrency.Key, out var c) ? c : HolidayCalendar.WeekendsOnly;
            var start = calendar.Adjust(from, BusinessDayConvention.Following);
            var end = calendar.AddBusinessDays(start, businessDays - 1);
            var overdue = byCurrency.Where(o => o.ValueDate < start).ToList();
            if (overdue.Count > 0)
            {
                rows.Add(Row(start, byCurrency.Key, overdue, overdue: true));
            }

            rows.AddRange(byCurrency.Where(o => o.ValueDate >= start && o.ValueDate <= end)
                .GroupBy(o => o.ValueDate).OrderBy(g => g.Key)
                .Select(g => Row(g.Key, byCurrency.Key, [.. g], overdue: false)));
        }

        return rows;
    }

    private static LadderRow Row(BusinessDate date, Currency currency, List<Obligation> obligations, bool overdue) =>
        new(date, currency, obligations.Where(o => o.Kind == ObligationKind.ReceiveCash).Sum(o => o.Amount),
            obligations.Where(o => o.Kind == ObligationKind.PayCash).Sum(o => o.Amount), overdue);

    private int Age(TradeEconomics economics, BusinessDate asOf)
    {
        var contractual = economics.SettlementDate;
        if (asOf <= contractual)
        {
            return 0;
        }

        var calendar = _referenceData.TryGetSettlementCalendar(economics.Instrument, out var c) ? c : HolidayCalendar.WeekendsOnly;
        return calendar.BusinessDaysBetween(contractual, asOf);
    }
}
