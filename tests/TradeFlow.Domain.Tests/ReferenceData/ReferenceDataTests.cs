using TradeFlow.Domain.Calendars;
using TradeFlow.Domain.DayCounts;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Domain.Tests.ReferenceData;

public class ReferenceDataTests
{
    private static readonly ReferenceDataSet Demo = new ReferenceDataBuilder().Build();

    [Fact]
    public void The_demo_set_is_consistent_and_every_lookup_finds_its_record()
    {
        Assert.True(Demo.TryGetCounterparty(DemoIds.GoldmanSachs, out var gs));
        Assert.Equal("Goldman Sachs Group, Inc.", gs.Name);
        Assert.True(Demo.TryGetInstrument(DemoIds.Ust2034, out var ust));
        Assert.Equal(AssetClass.GovernmentBond, ust.AssetClass);
        Assert.True(Demo.TryGetBook(DemoIds.FxLdn, out _));
        Assert.True(Demo.TryGetTrader(DemoIds.EquityTrader, out var trader));
        Assert.True(trader.Mandate.AllowsBook(DemoIds.EquitiesNy));
        Assert.False(trader.Mandate.AllowsAssetClass(AssetClass.FxSpot));
        Assert.True(Demo.RestrictedList.IsRestricted(DemoIds.BaeSystems, out var reason));
        Assert.Contains("corporate action", reason, StringComparison.Ordinal);
        Assert.True(Demo.Marks.TryGetPrice(DemoIds.Apple, out _));
    }

    [Fact]
    public void Missing_ids_are_reported_by_the_try_lookups_not_by_exceptions()
    {
        Assert.False(Demo.TryGetCounterparty(CounterpartyId.Parse("8I5DZWZKVSZI1NUHU748"), out _));
        Assert.False(Demo.TryGetInstrument(InstrumentId.Parse("US5949181045"), out _));
        Assert.False(Demo.TryGetBook(BookId.Parse("NOPE"), out _));
        Assert.False(Demo.RestrictedList.IsRestricted(DemoIds.Apple, out _));
    }

    [Fact]
    public void An_fx_pair_settles_on_the_joint_calendar_of_its_currencies()
    {
        Assert.True(Demo.TryGetSettlementCalendar(DemoIds.GbpUsd, out var calendar));

        Assert.Equal("GBP+USD", calendar.Name);
    }

    [Fact]
    public void Cross_rates_follow_from_the_base_currency_table()
    {
        Assert.True(Demo.FxRates.TryGetRate(Currency.EUR, Currency.GBP, out var eurGbp));
        Assert.Equal(1.0850m / 1.2700m, eurGbp);
        Assert.True(Demo.FxRates.TryConvert(new Money(100m, Currency.EUR), Currency.USD, out var usd));
        Assert.Equal(new Money(108.50m, Currency.USD), usd);
        Assert.False(Demo.FxRates.TryGetRate(Currency.JPY, Currency.USD, out _));
    }

    [Fact]
    public void A_duplicate_id_is_refused_naming_the_record()
    {
        var book = new Book(DemoIds.FxLdn, "Again");
        var ex = Assert.Throws<ReferenceDataException>(() => new ReferenceDataSet(
            [], [], [book, book], [], [], new FxRates(Currency.USD, [])));

        Assert.Equal("Book FX-LDN: Id is defined more than once", ex.Message);
    }

    [Fact]
    public void A_mandate_naming_an_unknown_book_is_refused()
    {
        var trader = new Trader(TraderId.Parse("NEW"), "New Trader",
            new Mandate([BookId.Parse("GHOST")], [AssetClass.CashEquity], new Money(1m, Currency.USD)));

        var ex = Assert.Throws<ReferenceDataException>(() => new ReferenceDataBuilder().WithTrader(trader).Build());

        Assert.Equal(("Trader NEW", "Mandate.AllowedBooks"), (ex.Record, ex.Field));
    }

    [Fact]
    public void An_instrument_whose_currency_has_no_calendar_is_refused()
    {
        var chf = new Instrument(InstrumentId.Parse("CH0038863350"), "Nestlé", AssetClass.CashEquity, Currency.CHF, 2);

        var ex = Assert.Throws<ReferenceDataException>(() => new ReferenceDataBuilder().WithInstrument(chf).Build());

        Assert.Contains("CHF has no holiday calendar", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_validate_their_fields_on_construction()
    {
        Assert.Equal("SettlementCycleDays", Assert.Throws<ReferenceDataException>(() =>
            new Instrument(DemoIds.Apple, "Apple", AssetClass.CashEquity, Currency.USD, -1)).Field);
        Assert.Equal("Id", Assert.Throws<ReferenceDataException>(() =>
            new Instrument(DemoIds.Apple, "Apple", AssetClass.FxSpot, Currency.USD, 2)).Field);
        Assert.Equal("Currency", Assert.Throws<ReferenceDataException>(() =>
            new Instrument(DemoIds.EurUsd, "EUR/USD", AssetClass.FxSpot, Currency.EUR, 2)).Field);
        Assert.Equal("Bond", Assert.Throws<ReferenceDataException>(() =>
            new Instrument(DemoIds.Ust2034, "UST", AssetClass.GovernmentBond, Currency.USD, 1)).Field);
        Assert.Equal("Bond", Assert.Throws<ReferenceDataException>(() =>
            new Instrument(DemoIds.Ust2034, "UST", AssetClass.GovernmentBond, Currency.USD, 1,
                new BondTerms(4.25m, 2, DayCountConvention.ActualActualIcma, new BusinessDate(2024, 1, 1),
                    new BusinessDate(2034, 1, 1)))).Field);
        Assert.Equal("Name", Assert.Throws<ReferenceDataException>(() => new Book(DemoIds.FxLdn, " ")).Field);
    }

    [Fact]
    public void A_soft_limit_above_the_hard_limit_is_refused()
    {
        var ex = Assert.Throws<ReferenceDataException>(() =>
            new CreditLimit("CL-1", new Money(10m, Currency.USD), new Money(11m, Currency.USD)));

        Assert.Equal("Soft", ex.Field);
    }

    [Theory]
    [InlineData("DEUTDEFF", true)]
    [InlineData("DEUTDEFF500", true)]
    [InlineData("DEUTDEF", false)]
    [InlineData("DEU1DEFF", false)]
    [InlineData("deutdeff", false)]
    public void Settlement_agent_bics_are_checked(string bic, bool valid)
    {
        Assert.Equal(valid, Bic.IsValid(bic));
    }

    [Fact]
    public void A_counterparty_finds_its_ssi_by_currency_and_asset_class()
    {
        Assert.True(Demo.TryGetCounterparty(DemoIds.Barclays, out var barclays));

        Assert.True(barclays.TryGetSsi(Currency.GBP, AssetClass.FxForward, out var ssi));
        Assert.Equal("BARCGB22", ssi.AgentBic);
        Assert.False(barclays.TryGetSsi(Currency.JPY, AssetClass.FxSpot, out _));
    }

    [Fact]
    public void The_gross_amount_follows_the_asset_class_convention()
    {
        Assert.True(Demo.TryGetInstrument(DemoIds.Ust2034, out var bond));
        Assert.True(Demo.TryGetInstrument(DemoIds.EurUsd, out var fx));

        Assert.Equal(new Money(1_970_000m, Currency.USD), bond.GrossAmount(Quantity.Of(2_000_000m), Price.Of(98.5m)));
        Assert.Equal(new Money(5_425_000m, Currency.USD), fx.GrossAmount(Quantity.Of(5_000_000m), Price.Of(1.085m)));
    }

    [Fact]
    public void Weekend_only_calendars_treat_every_weekday_as_a_business_day()
    {
        Assert.True(HolidayCalendar.WeekendsOnly.IsBusinessDay(new BusinessDate(2025, 12, 25)));
    }
}
