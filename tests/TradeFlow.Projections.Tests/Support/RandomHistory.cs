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

    // Confirmation is weighed twice: FX and bonds must be confirmed before settlement events can follow.
    private static TradeCommand Command(int op, int variant, Trade trade, LifecycleDriver d) =>
        RandomLifecycleCommands.For(op switch
        {
            1 => TradeCommandKind.Amend,
            2 => TradeCommandKind.Cancel,
            3 => TradeCommandKind.Allocate,
            4 or 5 => TradeCommandKind.Confirm,
            6 => TradeCommandKind.Novate,
            7 => TradeCommandKind.PartiallyTerminate,
            8 => TradeCommandKind.InstructSettlement,
            9 => TradeCommandKind.MatchSettlement,
            10 or 11 => TradeCommandKind.Settle,
            12 => TradeCommandKind.FailSettlement,
            _ => TradeCommandKind.Mature,
        }, variant, trade, d.NextSourceKey(), d.Tick());
}
