using System.Collections.Immutable;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Serialization;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Replay.Tests.Support;

/// <summary>
/// Events as the engine writes them: a lifecycle history decided by the real decider (every kind of command, refusals
/// journaled as TradeRejected), plus the events the decider alone does not produce (an enriched booking, credit limit
/// changes), each serialized by the real serializer.
/// </summary>
public static class RealEvents
{
    private static readonly CounterpartyId[] Counterparties = [DemoIds.GoldmanSachs, DemoIds.DeutscheBank, DemoIds.Barclays];

    private static readonly TradeCommandKind[] Kinds =
    [
        TradeCommandKind.Amend, TradeCommandKind.Cancel, TradeCommandKind.Allocate, TradeCommandKind.Confirm, TradeCommandKind.Confirm,
        TradeCommandKind.Novate, TradeCommandKind.PartiallyTerminate, TradeCommandKind.InstructSettlement, TradeCommandKind.MatchSettlement,
        TradeCommandKind.Settle, TradeCommandKind.Settle, TradeCommandKind.FailSettlement, TradeCommandKind.Mature,
    ];

    private static readonly TradeCommandKind[] Settlement =
    [
        TradeCommandKind.Confirm, TradeCommandKind.InstructSettlement, TradeCommandKind.FailSettlement, TradeCommandKind.InstructSettlement,
        TradeCommandKind.MatchSettlement, TradeCommandKind.Settle, TradeCommandKind.Mature,
    ];

    /// <summary>Every event of a seeded random history and the extras, as (type, version, payload).</summary>
    public static IReadOnlyList<(string Type, int Version, byte[] Payload)> Serialized(int seed, int steps)
    {
        var events = History(seed, steps).Concat(Extras());
        return [.. events.Select(e =>
        {
            var payload = DomainEventSerializer.Instance.SerializeToUtf8Bytes(e);
            return (DomainEventRegistry.TypeNameOf(e), DomainEventRegistry.SchemaVersionOf(e), payload);
        })];
    }

    private static IReadOnlyList<ITradeEvent> History(int seed, int steps)
    {
        var random = new Random(seed);
        var driver = new LifecycleDriver();
        for (var i = 0; i < steps; i++)
        {
            var variant = random.Next(1000);
            if (driver.NextTradeId == TradeId.First || random.Next(4) == 0)
            {
                driver.Send(Booking(variant, driver));
                continue;
            }

            var id = TradeId.FromInt64(1 + random.NextInt64(driver.NextTradeId.Value - 1));
            if (driver.Find(id) is { } trade)
            {
                driver.Send(RandomLifecycleCommands.For(Kinds[random.Next(Kinds.Length)], variant, trade, driver.NextSourceKey(), driver.Tick()));
            }
        }

        // Then every trade through settlement, a fail and maturity, in order, so each settlement event occurs
        // (commands a trade's state refuses are journaled as rejections, which is fine too).
        for (var n = 1L; n < driver.NextTradeId.Value; n += 3)
        {
            foreach (var kind in Settlement)
            {
                if (driver.Find(TradeId.FromInt64(n)) is { } trade)
                {
                    driver.Send(RandomLifecycleCommands.For(kind, (int)n, trade, driver.NextSourceKey(), driver.Tick()));
                }
            }
        }

        return driver.AllEvents;
    }

    private static BookTrade Booking(int variant, LifecycleDriver driver)
    {
        var builder = new BookTradeBuilder().At(driver.Tick());
        builder = (variant % 4) switch
        {
            1 => builder.ForFxSpot(),
            2 => builder.ForFxForward(),
            3 => builder.ForBond(),
            _ => builder,
        };
        return builder.With(t => t with
        {
            Side = variant % 3 == 0 ? Side.Sell : Side.Buy,
            Quantity = Quantity.Of(t.Quantity.Value * (1 + (variant % 7)) / 4m),
            Counterparty = Counterparties[variant % Counterparties.Length],
        }).Build();
    }

    private static IEnumerable<ITradeEvent> Extras()
    {
        var at = new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.FromHours(1));
        var economics = BookedEconomics();
        var eur = Currency.Parse("EUR");
        yield return new TradeBooked(TradeId.FromInt64(900), at, economics, TradeFlow.Domain.ReferenceData.AssetClass.CashEquity,
            new Money(1_234.5m, eur), TradeId.FromInt64(899), null,
            new TradeEnrichment(new Money(10m, eur), null, "CL-7", ["near the soft limit", "Überschreitung – 5 €"]));
        yield return new TradeBooked(TradeId.FromInt64(901), at, economics, TradeFlow.Domain.ReferenceData.AssetClass.GovernmentBond,
            new Money(0m, eur), null, TradeId.FromInt64(1), new TradeEnrichment(null, new Money(-3.25m, eur), null, []));
        yield return new CreditLimitChanged(DemoIds.Barclays, at, "CL-1", new Money(1m, eur), new Money(0.5m, eur), new Money(2m, eur),
            new Money(1.5m, eur), "annual review");
        yield return new CreditLimitChangeRejected(DemoIds.DeutscheBank, at, "SRC-1",
            [new RejectionReason(RejectionCode.TradeNotFound, "no such \"counterparty\"")]);
        yield return new TradeCancelled(TradeId.FromInt64(5), at, "");
        yield return new TradeAllocated(TradeId.FromInt64(6), at, ImmutableArray<AllocatedChild>.Empty);
    }

    private static TradeEconomics BookedEconomics()
    {
        var driver = new LifecycleDriver();
        driver.Send(new BookTradeBuilder().At(driver.Tick()).Build());
        return ((TradeBooked)driver.AllEvents[0]).Economics;
    }
}
