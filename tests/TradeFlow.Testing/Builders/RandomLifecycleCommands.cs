using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Testing.Builders;

/// <summary>
/// The commands random-history generators send to an existing trade: one of each kind, its details
/// varied by <c>variant</c> (an amendment may flip the side, allocations and novations pick among the
/// demo counterparties, a settlement may be late). Callers choose the kind, and so their own weighting.
/// </summary>
public static class RandomLifecycleCommands
{
    private static readonly CounterpartyId[] Counterparties = [DemoIds.GoldmanSachs, DemoIds.DeutscheBank, DemoIds.Barclays];

    /// <summary>A command of <paramref name="kind"/> for <paramref name="trade"/>; any kind but <see cref="TradeCommandKind.Book"/>.</summary>
    public static TradeCommand For(TradeCommandKind kind, int variant, Trade trade, string sourceKey, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(trade);
        var e = trade.Economics;
        var id = trade.Id;
        return kind switch
        {
            TradeCommandKind.Amend => new AmendTrade(id, sourceKey, at, new TradeTerms(e.Instrument, variant % 4 == 0 ? Opposite(e.Side) : e.Side,
                Quantity.Of(e.Quantity.Value + (variant % 5)), Price.Of(e.Price.Value * (1m + (variant % 9) / 200m)),
                e.Counterparty, e.Book, e.Trader, e.TradeDate, e.SettlementDate)),
            TradeCommandKind.Cancel => new CancelTrade(id, sourceKey, at, "Booked in error"),
            TradeCommandKind.Allocate => new AllocateTrade(id, sourceKey, at,
            [
                new AllocationLeg(e.Book, Counterparties[variant % 3], Quantity.Of(Math.Round(e.Quantity.Value / 3m, 0))),
                new AllocationLeg(e.Book, Counterparties[(variant + 1) % 3],
                    Quantity.Of(e.Quantity.Value - Math.Round(e.Quantity.Value / 3m, 0))),
            ]),
            TradeCommandKind.Confirm => new ConfirmTrade(id, sourceKey, at, "CONF-" + variant),
            TradeCommandKind.Novate => new NovateTrade(id, sourceKey, at, Counterparties[variant % 3]),
            TradeCommandKind.PartiallyTerminate => new PartiallyTerminateTrade(id, sourceKey, at, Quantity.Of(Math.Round(e.Quantity.Value / 4m, 2))),
            TradeCommandKind.InstructSettlement => new InstructSettlement(id, sourceKey, at),
            TradeCommandKind.MatchSettlement => new MatchSettlement(id, sourceKey, at, "MATCH-" + variant),
            TradeCommandKind.Settle => new SettleTrade(id, sourceKey, at, e.SettlementDate.AddDays(variant % 3)),
            TradeCommandKind.FailSettlement => new FailSettlement(id, sourceKey, at, "Insufficient securities"),
            TradeCommandKind.Mature => new MatureTrade(id, sourceKey, at),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only commands for an existing trade."),
        };
    }

    private static Side Opposite(Side side) => side == Side.Buy ? Side.Sell : Side.Buy;
}
