using System.Collections.Immutable;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Domain.Tests.Serialization;

/// <summary>One fully populated instance of every event type.</summary>
internal static class SampleEvents
{
    private static readonly TradeId Id = TradeId.FromInt64(42);
    private static readonly DateTimeOffset At = new(2025, 3, 14, 14, 30, 15, TimeSpan.Zero);

    public static TradeEconomics Economics { get; } = new(DemoIds.Ust2034, Side.Buy, Quantity.Of(2_000_000m),
        Price.Of(98.765625m), DemoIds.GoldmanSachs, DemoIds.RatesLdn, DemoIds.MacroTrader,
        new BusinessDate(2025, 3, 14), new BusinessDate(2025, 3, 17));

    public static IReadOnlyList<ITradeEvent> All { get; } =
    [
        new TradeBooked(Id, At, Economics, AssetClass.GovernmentBond, new Money(1_975_312.50m, Currency.USD),
            ParentTradeId: TradeId.FromInt64(41), NovatedFromTradeId: null,
            Enrichment: new TradeEnrichment(new Money(1_975_312.50m, Currency.USD), new Money(12_000m, Currency.USD),
                "CL-784F", ["Soft limit CL-784F at 82%"])),
        new TradeAmended(Id, At, Economics, Economics with { Price = Price.Of(98.80m) }, new Money(1_976_000m, Currency.USD)),
        new TradeCancelled(Id, At, "Booked in error"),
        new TradeAllocated(Id, At,
        [
            new AllocatedChild(TradeId.FromInt64(43), DemoIds.RatesLdn, DemoIds.DeutscheBank, Quantity.Of(1_500_000m)),
            new AllocatedChild(TradeId.FromInt64(44), DemoIds.RatesLdn, DemoIds.Barclays, Quantity.Of(500_000m)),
        ]),
        new TradeConfirmed(Id, At, "MT518-7731"),
        new TradeNovated(Id, At, DemoIds.GoldmanSachs, DemoIds.DeutscheBank, TradeId.FromInt64(45)),
        new TradePartiallyTerminated(Id, At, Quantity.Of(500_000m), Quantity.Of(1_500_000m)),
        new SettlementInstructed(Id, At, 1, [new SettlementAccount(Currency.USD, "USD-GB-784F5X", "GSCMUS33")]),
        new SettlementMatched(Id, At, "DTC-MATCH-19"),
        new SettlementSettled(Id, At, new BusinessDate(2025, 3, 17)),
        new SettlementFailed(Id, At, "Insufficient securities", 1),
        new TradeMatured(Id, At),
        new TradeRejected(Id, At, TradeCommandKind.Amend, "FIX:BANK-GS:571=TR-0091",
            ImmutableArray.Create(new RejectionReason(RejectionCode.TradeClosed, "Cannot amend trade T000000000042: it is Cancelled"))),
        new CreditLimitChanged(DemoIds.GoldmanSachs, At, "CL-784F", new Money(50_000_000m, Currency.USD),
            new Money(40_000_000m, Currency.USD), new Money(75_000_000m, Currency.USD), new Money(60_000_000m, Currency.USD),
            "Annual credit review: rating upgraded to A+"),
        new CreditLimitChangeRejected(DemoIds.GoldmanSachs, At, "HTTP:limit-review-7",
            ImmutableArray.Create(new RejectionReason(RejectionCode.CreditLimitCurrencyMismatch,
                "Cannot change the credit limit of 784F5XWPLTWKTBV3E584: limit CL-784F is in USD, not EUR/EUR"))),
    ];
}
