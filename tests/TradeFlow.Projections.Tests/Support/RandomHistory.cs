using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Support;

/// <summary>
/// Random valid lifecycles: each step books a new trade or sends any command to any trade through the real
/// decider (a refused command is journaled as TradeRejected, as in production), so the history is one the
/// engine could have produced.
/// </summary>
public static class RandomHistory
{
    private static readonly CounterpartyId[] Counterparties = [DemoIds.GoldmanSachs, DemoIds.DeutscheBank, DemoIds.Barclays];

    public static Gen<(int Op, int Target, int Variant)[]> Steps(int maxSteps = 40) =>
        Gen.Choose(1, maxSteps).SelectMany(n => Gen.ArrayOf(
            from op in Gen.Choose(0, 13) from target in Gen.Choose(0, 50) from variant in Gen.Choose(0, 1000)
            select (op, target, variant), n));

    public static Arbitrary<(int Op, int Target, int Variant)[]> Arbitrary(int maxSteps = 40) => Steps(maxSteps).ToArbitrary();

    public static LifecycleDriver Run((int Op, int Target, int Variant)[] steps)
    {
        var driver = new LifecycleDriver();
        foreach (var (op, target, variant) in steps)
        {
            if (op == 0 || driver.NextTradeId == TradeId.First)
            {
                driver.Send(Booking(variant, driver));
                continue;
            }

            var id = TradeId.FromInt64(1 + (target % (driver.NextTradeId.Value - 1)));
            if (driver.Find(id) is { } trade)
            {
                driver.Send(Command(op, variant, trade, driver));
            }
        }

        return driver;
    }

    private static BookTrade Booking(int variant, LifecycleDriver driver)
    {
        var builder = new BookTradeBuilder().At(driver.Tick());
        builder = (variant % 5) switch
        {
            1 => builder.ForFxSpot(),
            2 => builder.ForFxForward(),
            3 => builder.ForBond(),
            4 => builder.With(t => t with { Instrument = DemoIds.Sap, Book = DemoIds.EquitiesLdn }),
            _ => builder,
        };
        var side = variant % 3 == 0 ? Side.Sell : Side.Buy;
        var quantity = builder.Terms.Quantity.Value * (1 + (variant % 7)) / 4m;
        var price = builder.Terms.Price.Value * (1m + ((variant % 11) - 5) / 100m);
        return builder.With(t => t with
        {
            Side = side,
            Quantity = Quantity.Of(quantity),
            Price = Price.Of(price),
            Counterparty = Counterparties[variant % Counterparties.Length],
        }).Build();
    }

    private static TradeCommand Command(int op, int variant, Trade trade, LifecycleDriver d)
    {
        var e = trade.Economics;
        var id = trade.Id;
        var at = d.Tick();
        var key = d.NextSourceKey();
        return op switch
        {
            1 => new AmendTrade(id, key, at, new TradeTerms(e.Instrument, variant % 4 == 0 ? Opposite(e.Side) : e.Side,
                Quantity.Of(e.Quantity.Value + (variant % 5)), Price.Of(e.Price.Value * (1m + (variant % 9) / 200m)),
                e.Counterparty, e.Book, e.Trader, e.TradeDate, e.SettlementDate)),
            2 => new CancelTrade(id, key, at, "Booked in error"),
            3 => new AllocateTrade(id, key, at,
            [
                new AllocationLeg(e.Book, Counterparties[variant % 3], Quantity.Of(Math.Round(e.Quantity.Value / 3m, 0))),
                new AllocationLeg(e.Book, Counterparties[(variant + 1) % 3],
                    Quantity.Of(e.Quantity.Value - Math.Round(e.Quantity.Value / 3m, 0))),
            ]),
            4 or 5 => new ConfirmTrade(id, key, at, "CONF-" + variant),
            6 => new NovateTrade(id, key, at, Counterparties[variant % 3]),
            7 => new PartiallyTerminateTrade(id, key, at, Quantity.Of(Math.Round(e.Quantity.Value / 4m, 2))),
            8 => new InstructSettlement(id, key, at),
            9 => new MatchSettlement(id, key, at, "MATCH-" + variant),
            10 or 11 => new SettleTrade(id, key, at, e.SettlementDate.AddDays(variant % 3)),
            12 => new FailSettlement(id, key, at, "Insufficient securities"),
            _ => new MatureTrade(id, key, at),
        };
    }

    private static Side Opposite(Side side) => side == Side.Buy ? Side.Sell : Side.Buy;
}
