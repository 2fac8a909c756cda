using TradeFlow.Domain.Events;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Exposure;
using TradeFlow.Projections.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Exposure;

public class ExposureWorkedExampleTests
{
    private static ExposureProjection Fold(LifecycleDriver driver, IEnumerable<ITradeEvent>? events = null)
    {
        var exposure = new ExposureProjection(driver.ReferenceData);
        ProjectionSet.Fold(exposure, EventFeed.From(events ?? driver.AllEvents));
        return exposure;
    }

    [Fact]
    public void An_fx_forward_is_revalued_at_the_cross_rate_and_its_purchased_sterling_is_the_settlement_risk()
    {
        // Sell 10m EUR/GBP at 0.8420 to Barclays, value 2025-06-18. No EUR/GBP mark: the cross rate
        // 1.0850 / 1.2700 = 0.854331 values it, so the bank (short EUR) is 10m × (0.854331 − 0.8420) GBP
        // out of the money: −123,307.09 GBP = −156,600.00 USD. The settlement risk is the currency the bank
        // buys and stands to lose: 8.42m GBP × 1.2700 = 10,693,400 USD (not the 10.85m USD of euros it sells).
        var d = new LifecycleDriver();
        d.Book(new BookTradeBuilder().ForFxForward().Build());

        var x = Assert.Single(Fold(d).CounterpartyExposures());

        Assert.Equal(DemoIds.Barclays, x.Counterparty);
        Assert.Equal(Currency.USD, x.Currency);
        Assert.Equal(10_693_400.00m, x.SettlementRisk);
        Assert.Equal((0m, -156_600.00m), (x.MtmGross, x.MtmNet));
        Assert.Equal(10_693_400.00m, x.Utilised);
        Assert.Equal((21.39m, 39_306_600.00m, LimitBreach.None), (x.UtilisationPercent, x.Headroom, x.Breach));
        Assert.Equal(new ValueDateAmount(new BusinessDate(2025, 6, 18), 10_693_400.00m), Assert.Single(x.ByValueDate));
    }

    [Fact]
    public void An_fx_buy_counts_the_base_currency_purchased_at_the_reference_rate()
    {
        // Buy 5m EUR/USD at 1.1000 from Deutsche Bank: the bank is due 5m EUR, worth 5,425,000 USD at the
        // reference 1.0850 — not the 5.5m USD it pays away.
        var d = new LifecycleDriver();
        d.Book(new BookTradeBuilder().ForFxSpot().With(t => t with { Price = Price.Of(1.1000m) }).Build());

        Assert.Equal(5_425_000.00m, Assert.Single(Fold(d).CounterpartyExposures()).SettlementRisk);
    }

    [Fact]
    public void Exposure_above_the_soft_limit_is_a_soft_breach_and_above_the_hard_limit_a_hard_breach()
    {
        var d = new LifecycleDriver();
        d.Book(new BookTradeBuilder().ForFxSpot().WithQuantity(40_000_000m).Build()); // pays 43.4m USD to DB
        Assert.Equal(LimitBreach.Soft, Fold(d).CounterpartyExposures().Single().Breach);

        d.Book(new BookTradeBuilder().ForFxSpot().WithQuantity(6_000_000m).Build()); // + 6.51m USD
        var x = Fold(d).CounterpartyExposures().Single();
        Assert.Equal((49_910_000.00m, LimitBreach.Soft), (x.Utilised, x.Breach));

        d.Book(new BookTradeBuilder().ForFxSpot().WithQuantity(100_000m).Build()); // + 108,500 USD
        x = Fold(d).CounterpartyExposures().Single();
        Assert.Equal((50_018_500.00m, -18_500.00m, LimitBreach.Hard), (x.Utilised, x.Headroom, x.Breach));
    }

    [Fact]
    public void The_engines_recorded_contribution_stands_until_a_partial_termination_re_measures_the_trade()
    {
        var d = new LifecycleDriver();
        var id = d.Book(new BookTradeBuilder().Build());
        Assert.True(d.Send(new PartiallyTerminateTrade(id, d.NextSourceKey(), d.Tick(), Quantity.Of(250m))).IsAccepted);
        var events = d.AllEvents.ToList();
        events[0] = ((TradeBooked)events[0]) with
        {
            Enrichment = new TradeEnrichment(ExposureContribution: new Money(200_000m, Currency.USD)),
        };

        // As booked, the 200,000 the engine recorded (at the rates of its decision) is the exposure; the
        // termination re-measures the remaining 750 shares × 190.50 = 142,875, as the engine's decision state does.
        Assert.Equal(200_000.00m, Fold(d, events.Take(1)).CounterpartyExposures().Single().SettlementRisk);
        Assert.Equal(142_875.00m, Fold(d, events).CounterpartyExposures().Single().SettlementRisk);
    }

    [Fact]
    public void Settlement_ends_the_settlement_risk_but_the_position_stays()
    {
        var d = new LifecycleDriver();
        var id = new TradeBuilder().InStatus(TradeStatus.Settled).Build(d).Id;

        var exposure = Fold(d);

        Assert.Equal(0m, exposure.CounterpartyExposures().Single().SettlementRisk);
        var position = Assert.Single(exposure.Positions());
        Assert.Equal((DemoIds.EquitiesNy, DemoIds.Apple, 1000m, 190_500m, 190.5m), (position.Book, position.Instrument,
            position.Quantity, position.Cost, position.AverageCost!.Value));
        // Marked at 191.20: 191,200 market value, 700 unrealised.
        Assert.Equal((191_200m, 700m), (position.MarketValue!.Value, position.UnrealisedPnl!.Value));
        Assert.Equal(TradeStatus.Settled, d[id].Status);
    }

    [Fact]
    public void A_novation_moves_the_exposure_to_the_new_counterparty()
    {
        var d = new LifecycleDriver();
        var id = d.Book(new BookTradeBuilder().ForFxSpot().Build()); // with Deutsche Bank
        Assert.True(d.Send(new NovateTrade(id, d.NextSourceKey(), d.Tick(), DemoIds.Barclays)).IsAccepted);

        var x = Assert.Single(Fold(d).CounterpartyExposures());

        Assert.Equal((DemoIds.Barclays, 5_425_000.00m), (x.Counterparty, x.SettlementRisk));
    }

    [Fact]
    public void Currency_exposure_is_the_net_of_each_books_fx_legs()
    {
        var d = new LifecycleDriver();
        d.Book(new BookTradeBuilder().ForFxSpot().Build()); // +5m EUR, −5.425m USD
        d.Book(new BookTradeBuilder().ForFxForward().Build()); // −10m EUR, +8.42m GBP

        var rows = Fold(d).CurrencyExposures();

        Assert.Equal(
        [
            new CurrencyExposure(DemoIds.FxLdn, Currency.EUR, -5_000_000m, Currency.USD, -5_425_000.00m),
            new CurrencyExposure(DemoIds.FxLdn, Currency.GBP, 8_420_000.0000m, Currency.USD, 10_693_400.00m),
            new CurrencyExposure(DemoIds.FxLdn, Currency.USD, -5_425_000.0000m, Currency.USD, -5_425_000.00m),
        ], rows);
    }
}
