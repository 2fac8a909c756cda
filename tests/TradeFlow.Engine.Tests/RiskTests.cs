using TradeFlow.Domain.Events;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Engine.Tests;

public abstract class RiskTests : ChecksPlacementContract, IDisposable
{
    private readonly RecordingSubscriber _subscriber = new();
    private readonly EngineHarness _harness;

    private protected RiskTests(CheckPlacement placement)
        : base(placement) => _harness = Start(subscribers: [_subscriber]);

    public void Dispose()
    {
        _harness.Dispose();
        GC.SuppressFinalize(this);
    }

    // 100,000 Apple at 200 = 20m USD: within Jane Smith's 25m mandate and the 10 % band around 191.20.
    private static BookTrade Apple(decimal quantity, string? key = null) =>
        new BookTradeBuilder().WithQuantity(quantity).With(t => t with { Price = Price.Of(200m) })
            .WithSourceKey(key ?? Guid.NewGuid().ToString()).Build();

    [Fact]
    public async Task A_booking_is_enriched_with_notional_exposure_and_limit()
    {
        var outcome = await _harness.Send(new BookTradeBuilder().Build());

        var booked = BookedEvent(outcome.TradeId);
        Assert.Equal(new Money(190_500m, Currency.USD), booked.Enrichment!.NotionalInBase);
        Assert.Equal(new Money(190_500m, Currency.USD), booked.Enrichment.ExposureContribution);
        Assert.Equal("CL-784F", booked.Enrichment.CounterpartyLimitId);
    }

    [Fact]
    public async Task A_foreign_currency_booking_is_converted_into_base_and_limit_currency()
    {
        // 1,000 SAP at 246 EUR = 246,000 EUR; at 1.0850 USD per EUR that is 266,910 USD.
        var outcome = await _harness.Send(new BookTradeBuilder()
            .With(t => t with { Instrument = DemoIds.Sap, Book = DemoIds.EquitiesLdn, Price = Price.Of(246m) }).Build());

        var booked = BookedEvent(outcome.TradeId);
        Assert.Equal(new Money(246_000m, Currency.EUR), booked.Notional);
        Assert.Equal(new Money(266_910m, Currency.USD), booked.Enrichment!.NotionalInBase);
        Assert.Equal(new Money(266_910m, Currency.USD), booked.Enrichment.ExposureContribution);
    }

    [Fact]
    public async Task An_fx_booking_counts_the_currency_the_bank_buys_under_the_limit()
    {
        // Buy 5m EUR/USD at 1.1000 (5.5m USD notional): the bank is due 5m EUR = 5,425,000 USD at 1.0850.
        var buy = BookedEvent((await _harness.Send(new BookTradeBuilder().ForFxSpot()
            .With(t => t with { Price = Price.Of(1.1000m) }).Build())).TradeId);
        // Sell 10m EUR/GBP at 0.8420: the bank is due 8.42m GBP = 10,693,400 USD at 1.2700.
        var sale = BookedEvent((await _harness.Send(new BookTradeBuilder().ForFxForward().Build())).TradeId);

        Assert.Equal(new Money(5_500_000m, Currency.USD), buy.Enrichment!.NotionalInBase);
        Assert.Equal(new Money(5_425_000m, Currency.USD), buy.Enrichment.ExposureContribution);
        Assert.Equal(new Money(10_693_400m, Currency.USD), sale.Enrichment!.ExposureContribution);
    }

    [Fact]
    public async Task A_booking_that_would_breach_the_hard_credit_limit_is_rejected()
    {
        await _harness.Book(Apple(100_000m));
        await _harness.Book(Apple(100_000m));

        // 40m used; 11m more would make 51m against the 50m hard limit.
        var outcome = await _harness.Send(Apple(55_000m));

        var reason = Assert.Single(outcome.Reasons);
        Assert.Equal(RejectionCode.CreditLimitExceeded, reason.Code);
        Assert.Contains("51000000.00 USD", reason.Message, StringComparison.Ordinal);
        Assert.IsType<TradeRejected>(_subscriber.Events[^1].Event);
    }

    [Fact]
    public async Task A_booking_within_the_hard_limit_but_above_the_soft_limit_is_booked_with_a_warning()
    {
        await _harness.Book(Apple(100_000m));
        await _harness.Book(Apple(100_000m));

        // 40m used; 1m more makes 41m: above the 40m soft limit, below the 50m hard limit.
        var outcome = await _harness.Send(Apple(5_000m));

        Assert.True(outcome.IsAccepted, outcome.ToString());
        var warning = Assert.Single(outcome.Warnings);
        Assert.Contains("Soft credit limit CL-784F exceeded", warning, StringComparison.Ordinal);
        Assert.Equal(warning, Assert.Single(BookedEvent(outcome.TradeId).Enrichment!.ComplianceWarnings));
    }

    [Fact]
    public async Task A_booking_up_to_the_soft_limit_carries_no_warning()
    {
        await _harness.Book(Apple(100_000m));

        var outcome = await _harness.Send(Apple(100_000m));

        Assert.True(outcome.IsAccepted, outcome.ToString());
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public async Task Cancelling_a_trade_releases_its_exposure()
    {
        await _harness.Book(Apple(100_000m));
        var second = await _harness.Book(Apple(100_000m));
        Assert.True((await _harness.Send(new CancelTrade(second, "CXL-1", DateTimeOffset.UnixEpoch, "Booked twice"))).IsAccepted);

        // 20m live; 25m more makes 45m: within the hard limit again.
        var outcome = await _harness.Send(Apple(125_000m));

        Assert.True(outcome.IsAccepted, outcome.ToString());
    }

    [Fact]
    public async Task An_amendment_counts_only_its_change_in_exposure()
    {
        await _harness.Book(Apple(100_000m));
        var second = await _harness.Book(Apple(100_000m));

        // 40m used; amending the second trade to 24m adds 4m (44m), not 24m (64m).
        var outcome = await _harness.Send(new AmendTrade(second, "AMD-1", DateTimeOffset.UnixEpoch,
            Apple(120_000m).Terms));

        Assert.True(outcome.IsAccepted, outcome.ToString());
        Assert.Contains(outcome.Warnings, w => w.Contains("44000000.00 USD", StringComparison.Ordinal));
    }

    private TradeBooked BookedEvent(TradeId id) =>
        (TradeBooked)_subscriber.Events.Single(e => e.Event is TradeBooked b && b.TradeId == id).Event;

    /// <summary>The contract with risk and compliance on one stage thread.</summary>
    public sealed class OneCheckThread() : RiskTests(CheckPlacement.SharedThread);

    /// <summary>The contract with risk and compliance on a thread each.</summary>
    public sealed class TwoCheckThreads() : RiskTests(CheckPlacement.ThreadEach);

    /// <summary>The contract with risk and compliance run on the decide thread.</summary>
    public sealed class ChecksOnDecideThread() : RiskTests(CheckPlacement.DecideThread);
}
