using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Risk;
using TradeFlow.Domain.Values;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Domain.Tests.Risk;

public sealed class SettlementRiskTests
{
    private static readonly ReferenceDataSet Data = new ReferenceDataBuilder().Build();

    private static Instrument InstrumentOf(InstrumentId id) =>
        Data.TryGetInstrument(id, out var instrument) ? instrument : throw new InvalidOperationException($"no {id}");

    private static Money Measure(InstrumentId id, Side side, decimal quantity, decimal price, Currency limitCurrency)
    {
        Assert.True(SettlementRisk.TryMeasure(InstrumentOf(id), side, Quantity.Of(quantity), Price.Of(price), limitCurrency,
            Data.FxRates, out var exposure));
        return exposure;
    }

    [Fact]
    public void An_fx_buy_puts_the_base_currency_purchased_at_risk()
    {
        // Buy 5m EUR/USD at 1.1000: the bank is due 5m EUR (worth 5,425,000 USD at the reference 1.0850), whatever it pays.
        Assert.Equal(new Money(5_000_000m, Currency.EUR),
            SettlementRisk.AmountDue(InstrumentOf(DemoIds.EurUsd), Side.Buy, Quantity.Of(5_000_000m), Price.Of(1.1000m)));
        Assert.Equal(new Money(5_425_000m, Currency.USD), Measure(DemoIds.EurUsd, Side.Buy, 5_000_000m, 1.1000m, Currency.USD));
    }

    [Fact]
    public void An_fx_sale_puts_the_quote_currency_purchased_at_risk_not_the_base_amount_delivered()
    {
        // Sell 10m EUR/GBP at 0.8420: the bank is due 8.42m GBP = 10,693,400 USD (the 10m EUR it delivers are worth 10.85m).
        Assert.Equal(new Money(8_420_000m, Currency.GBP),
            SettlementRisk.AmountDue(InstrumentOf(DemoIds.EurGbp), Side.Sell, Quantity.Of(10_000_000m), Price.Of(0.8420m)));
        Assert.Equal(new Money(10_693_400m, Currency.USD), Measure(DemoIds.EurGbp, Side.Sell, 10_000_000m, 0.8420m, Currency.USD));
    }

    [Fact]
    public void A_securities_trade_puts_its_gross_consideration_at_risk_on_either_side()
    {
        // 1,000 Apple at 190.50: the shares due on a buy and the cash due on a sale are both worth 190,500 USD.
        Assert.Equal(new Money(190_500m, Currency.USD), Measure(DemoIds.Apple, Side.Buy, 1_000m, 190.50m, Currency.USD));
        Assert.Equal(new Money(190_500m, Currency.USD), Measure(DemoIds.Apple, Side.Sell, 1_000m, 190.50m, Currency.USD));
        // 2m face of the UST 2034 at 98.5 clean: 1,970,000 USD, accrued interest not included.
        Assert.Equal(new Money(1_970_000m, Currency.USD), Measure(DemoIds.Ust2034, Side.Buy, 2_000_000m, 98.5m, Currency.USD));
    }

    [Fact]
    public void The_risk_is_converted_into_the_limit_currency_and_rounded_to_its_minor_unit()
    {
        // 1,000 Apple at 190.50 = 190,500 USD; in GBP at 1 / 1.2700: 150,000.00 — and 333 at 190.51 = 63,439.83 USD
        // = 49,952.6220... GBP, rounded to 49,952.62.
        Assert.Equal(new Money(150_000m, Currency.GBP), Measure(DemoIds.Apple, Side.Buy, 1_000m, 190.50m, Currency.GBP));
        Assert.Equal(new Money(49_952.62m, Currency.GBP), Measure(DemoIds.Apple, Side.Buy, 333m, 190.51m, Currency.GBP));
    }

    [Fact]
    public void A_currency_without_a_reference_rate_cannot_be_measured()
    {
        var usdOnly = new FxRates(Currency.USD, []);

        Assert.False(SettlementRisk.TryMeasure(InstrumentOf(DemoIds.Apple), Side.Buy, Quantity.Of(1m), Price.Of(1m),
            Currency.GBP, usdOnly, out _));
    }
}
