using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Engine.Tests;

public abstract class ComplianceTests : ChecksPlacementContract, IDisposable
{
    private readonly EngineHarness _harness;

    private protected ComplianceTests(CheckPlacement placement)
        : base(placement) => _harness = Start();

    public void Dispose()
    {
        _harness.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_capture_of_a_restricted_instrument_is_rejected_with_compliance_reason()
    {
        var outcome = await _harness.Send(new BookTradeBuilder()
            .With(t => t with { Instrument = DemoIds.BaeSystems, Book = DemoIds.EquitiesLdn, Price = Price.Of(12.40m) }).Build());

        var reason = Assert.Single(outcome.Reasons, r => r.Code == RejectionCode.RestrictedInstrument);
        Assert.Equal(CommandStatus.Rejected, outcome.Status);
        Assert.Contains("Pending corporate action", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_capture_of_an_unrestricted_instrument_passes_the_restricted_list()
    {
        var outcome = await _harness.Send(new BookTradeBuilder().Build());

        Assert.True(outcome.IsAccepted, outcome.ToString());
    }

    [Fact]
    public async Task A_trader_booking_into_a_book_outside_the_mandate_is_rejected()
    {
        var outcome = await _harness.Send(new BookTradeBuilder().With(t => t with { Book = DemoIds.FxLdn }).Build());

        Assert.Contains(outcome.Reasons, r => r.Code == RejectionCode.MandateBook);
    }

    [Fact]
    public async Task A_trader_booking_into_a_mandated_book_passes()
    {
        var outcome = await _harness.Send(new BookTradeBuilder()
            .With(t => t with { Instrument = DemoIds.Sap, Book = DemoIds.EquitiesLdn, Price = Price.Of(245m) }).Build());

        Assert.True(outcome.IsAccepted, outcome.ToString());
    }

    [Fact]
    public async Task A_trader_trading_an_asset_class_outside_the_mandate_is_rejected()
    {
        var outcome = await _harness.Send(new BookTradeBuilder()
            .With(t => t with { Instrument = DemoIds.EurUsd, Price = Price.Of(1.0850m), Quantity = Quantity.Of(1_000_000m) }).Build());

        var reason = Assert.Single(outcome.Reasons, r => r.Code == RejectionCode.MandateAssetClass);
        Assert.Contains("FxSpot", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trader_trading_a_mandated_asset_class_passes()
    {
        var outcome = await _harness.Send(new BookTradeBuilder().ForFxSpot().Build());

        Assert.True(outcome.IsAccepted, outcome.ToString());
    }

    [Fact]
    public async Task A_notional_above_the_mandate_maximum_is_rejected()
    {
        // 200,000 × 190.50 = 38.1m USD against Jane Smith's 25m maximum.
        var outcome = await _harness.Send(new BookTradeBuilder().WithQuantity(200_000m).Build());

        var reason = Assert.Single(outcome.Reasons, r => r.Code == RejectionCode.MandateNotional);
        Assert.Contains("25000000 USD", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notional_at_the_mandate_maximum_passes()
    {
        // 125,000 × 200 = 25m USD exactly.
        var outcome = await _harness.Send(new BookTradeBuilder().WithQuantity(125_000m)
            .With(t => t with { Price = Price.Of(200m) }).Build());

        Assert.True(outcome.IsAccepted, outcome.ToString());
    }

    [Fact]
    public async Task A_price_far_from_the_reference_mark_is_rejected_as_a_fat_finger()
    {
        // Mark 191.20; 250 is 30.75 % away, outside the 10 % equity band.
        var outcome = await _harness.Send(new BookTradeBuilder().With(t => t with { Price = Price.Of(250m) }).Build());

        var reason = Assert.Single(outcome.Reasons, r => r.Code == RejectionCode.PriceOutsideBand);
        Assert.Contains("191.20", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_price_within_the_band_passes_the_fat_finger_check()
    {
        var outcome = await _harness.Send(new BookTradeBuilder().With(t => t with { Price = Price.Of(205m) }).Build());

        Assert.True(outcome.IsAccepted, outcome.ToString());
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public async Task The_price_band_is_configurable_per_asset_class()
    {
        using var strict = Start(priceBands: PriceBands.Default.With(AssetClass.CashEquity, 0.01m));

        // 190.50 is 0.37 % from the 191.20 mark, 195 is 1.99 % away: fine at the default 10 %, not at 1 %.
        var near = await strict.Send(new BookTradeBuilder().Build());
        var far = await strict.Send(new BookTradeBuilder().With(t => t with { Price = Price.Of(195m) }).Build());

        Assert.True(near.IsAccepted, near.ToString());
        Assert.Contains(far.Reasons, r => r.Code == RejectionCode.PriceOutsideBand);
    }

    [Fact]
    public async Task An_instrument_without_a_reference_mark_books_with_a_warning()
    {
        var outcome = await _harness.Send(new BookTradeBuilder().ForFxForward().Build());

        Assert.True(outcome.IsAccepted, outcome.ToString());
        Assert.Contains(outcome.Warnings, w => w.Contains("No reference mark for EUR/GBP", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_inactive_counterparty_is_rejected_once_with_its_reason()
    {
        var outcome = await _harness.Send(new BookTradeBuilder().WithCounterparty(DemoIds.BnpParibas).Build());

        Assert.Single(outcome.Reasons, r => r.Code == RejectionCode.InactiveCounterparty);
    }

    [Fact]
    public async Task An_unknown_counterparty_is_rejected()
    {
        var apple = CounterpartyId.Parse("HWUPKR0MPOU8FGXBT394");

        var outcome = await _harness.Send(new BookTradeBuilder().WithCounterparty(apple).Build());

        Assert.Single(outcome.Reasons, r => r.Code == RejectionCode.UnknownCounterparty);
    }

    [Fact]
    public async Task A_rejection_reports_every_failed_check_together()
    {
        // Wrong book, far from the mark, above the mandate maximum and the 50m hard credit limit, all at once.
        var outcome = await _harness.Send(new BookTradeBuilder().WithQuantity(200_000m)
            .With(t => t with { Book = DemoIds.RatesLdn, Price = Price.Of(300m) }).Build());

        Assert.Equal(
            [RejectionCode.MandateBook, RejectionCode.MandateNotional, RejectionCode.PriceOutsideBand, RejectionCode.CreditLimitExceeded],
            outcome.Reasons.Select(r => r.Code).Order());
    }

    [Fact]
    public async Task An_amendment_is_checked_by_compliance_too()
    {
        var id = await _harness.Book(new BookTradeBuilder().Build());

        var outcome = await _harness.Send(new AmendTrade(id, "AMEND-1", DateTimeOffset.UnixEpoch,
            new BookTradeBuilder().With(t => t with { Price = Price.Of(400m) }).Terms));

        Assert.Contains(outcome.Reasons, r => r.Code == RejectionCode.PriceOutsideBand);
    }

    /// <summary>The contract with risk and compliance on one stage thread.</summary>
    public sealed class OneCheckThread() : ComplianceTests(CheckPlacement.SharedThread);

    /// <summary>The contract with risk and compliance on a thread each.</summary>
    public sealed class TwoCheckThreads() : ComplianceTests(CheckPlacement.ThreadEach);

    /// <summary>The contract with risk and compliance run on the decide thread.</summary>
    public sealed class ChecksOnDecideThread() : ComplianceTests(CheckPlacement.DecideThread);
}
