using TradeFlow.Domain.Calendars;
using TradeFlow.Domain.DayCounts;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;

namespace TradeFlow.Testing.Builders;

/// <summary>
/// Builds a small, consistent demo <see cref="ReferenceDataSet"/>: four counterparties (one inactive),
/// three equities, two government bonds, two FX spot pairs and one FX forward pair, five books,
/// two traders, EUR/USD/GBP calendars, USD-based FX rates, marks and a restricted list.
/// Every part can be replaced before <see cref="Build"/>.
/// </summary>
public sealed class ReferenceDataBuilder
{
    private readonly Dictionary<CounterpartyId, Counterparty> _counterparties = [];
    private readonly Dictionary<InstrumentId, Instrument> _instruments = [];
    private readonly Dictionary<BookId, Book> _books = [];
    private readonly Dictionary<TraderId, Trader> _traders = [];
    private readonly Dictionary<Currency, HolidayCalendar> _calendars = [];
    private readonly Dictionary<InstrumentId, string> _restricted = [];
    private readonly Dictionary<InstrumentId, Price> _marks = [];
    private readonly Dictionary<Currency, decimal> _rates = [];

    /// <summary>Starts from the demo set.</summary>
    public ReferenceDataBuilder()
    {
        AddDemoCounterparties();
        AddDemoInstruments();
        AddDemoBooksAndTraders();
        _calendars[Currency.EUR] = DemoCalendars.Target;
        _calendars[Currency.USD] = DemoCalendars.Usd;
        _calendars[Currency.GBP] = DemoCalendars.Gbp;
        _rates[Currency.EUR] = 1.0850m;
        _rates[Currency.GBP] = 1.2700m;
        _rates[Currency.USD] = 1m;
        _restricted[DemoIds.BaeSystems] = "Pending corporate action: bank advises the issuer";
        _marks[DemoIds.Apple] = Price.Of(191.20m);
        _marks[DemoIds.Sap] = Price.Of(246.10m);
        _marks[DemoIds.Ust2034] = Price.Of(98.765625m);
        _marks[DemoIds.EurUsd] = Price.Of(1.0852m);
    }

    /// <summary>Adds or replaces a counterparty.</summary>
    public ReferenceDataBuilder WithCounterparty(Counterparty counterparty)
    {
        ArgumentNullException.ThrowIfNull(counterparty);
        _counterparties[counterparty.Id] = counterparty;
        return this;
    }

    /// <summary>Adds or replaces an instrument.</summary>
    public ReferenceDataBuilder WithInstrument(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        _instruments[instrument.Id] = instrument;
        return this;
    }

    /// <summary>Removes an instrument.</summary>
    public ReferenceDataBuilder WithoutInstrument(InstrumentId id)
    {
        _instruments.Remove(id);
        return this;
    }

    /// <summary>Adds or replaces a book.</summary>
    public ReferenceDataBuilder WithBook(Book book)
    {
        ArgumentNullException.ThrowIfNull(book);
        _books[book.Id] = book;
        return this;
    }

    /// <summary>Adds or replaces a trader.</summary>
    public ReferenceDataBuilder WithTrader(Trader trader)
    {
        ArgumentNullException.ThrowIfNull(trader);
        _traders[trader.Id] = trader;
        return this;
    }

    /// <summary>Adds or replaces a currency's calendar.</summary>
    public ReferenceDataBuilder WithCalendar(Currency currency, HolidayCalendar calendar)
    {
        _calendars[currency] = calendar;
        return this;
    }

    /// <summary>Sets a currency's value in USD.</summary>
    public ReferenceDataBuilder WithRate(Currency currency, decimal valueInUsd)
    {
        _rates[currency] = valueInUsd;
        return this;
    }

    /// <summary>Builds and validates the set.</summary>
    public ReferenceDataSet Build() => new(
        _counterparties.Values, _instruments.Values, _books.Values, _traders.Values, _calendars,
        new FxRates(Currency.USD, _rates), new Marks(new BusinessDate(2025, 3, 13), _marks), new RestrictedList(_restricted));

    /// <summary>A counterparty with SSIs for every demo currency and asset class.</summary>
    public static Counterparty DemoCounterparty(CounterpartyId id, string name, string bic, bool isActive = true) =>
        new(id, name, isActive,
            new CreditLimit($"CL-{id.ToString()[..4]}", new Money(50_000_000m, Currency.USD), new Money(40_000_000m, Currency.USD)),
            [
                Ssi(id, Currency.USD, AssetClass.CashEquity, bic), Ssi(id, Currency.EUR, AssetClass.CashEquity, bic),
                Ssi(id, Currency.USD, AssetClass.GovernmentBond, bic), Ssi(id, Currency.EUR, AssetClass.GovernmentBond, bic),
                Ssi(id, Currency.USD, AssetClass.FxSpot, bic), Ssi(id, Currency.EUR, AssetClass.FxSpot, bic),
                Ssi(id, Currency.GBP, AssetClass.FxSpot, bic), Ssi(id, Currency.EUR, AssetClass.FxForward, bic),
                Ssi(id, Currency.GBP, AssetClass.FxForward, bic),
            ]);

    private static StandingSettlementInstruction Ssi(CounterpartyId id, Currency currency, AssetClass assetClass, string bic) =>
        new(id, currency, assetClass, $"{currency}-{assetClass}-{id.ToString()[..6]}", bic);

    private void AddDemoCounterparties()
    {
        WithCounterparty(DemoCounterparty(DemoIds.GoldmanSachs, "Goldman Sachs Group, Inc.", "GSCMUS33"));
        WithCounterparty(DemoCounterparty(DemoIds.DeutscheBank, "Deutsche Bank AG", "DEUTDEFF"));
        WithCounterparty(DemoCounterparty(DemoIds.Barclays, "Barclays Bank PLC", "BARCGB22"));
        WithCounterparty(DemoCounterparty(DemoIds.BnpParibas, "BNP Paribas", "BNPAFRPP", isActive: false));
    }

    private void AddDemoInstruments()
    {
        WithInstrument(new Instrument(DemoIds.Apple, "Apple Inc.", AssetClass.CashEquity, Currency.USD, 1));
        WithInstrument(new Instrument(DemoIds.Sap, "SAP SE", AssetClass.CashEquity, Currency.EUR, 2));
        WithInstrument(new Instrument(DemoIds.BaeSystems, "BAE Systems plc", AssetClass.CashEquity, Currency.GBP, 2));
        WithInstrument(new Instrument(DemoIds.Ust2034, "UST 4.25% 15-Nov-2034", AssetClass.GovernmentBond, Currency.USD, 1,
            new BondTerms(0.0425m, 2, DayCountConvention.ActualActualIcma, new BusinessDate(2024, 11, 15),
                new BusinessDate(2034, 11, 15))));
        WithInstrument(new Instrument(DemoIds.Bund2034, "DBR 2.6% 15-Aug-2034", AssetClass.GovernmentBond, Currency.EUR, 2,
            new BondTerms(0.026m, 1, DayCountConvention.ActualActualIcma, new BusinessDate(2024, 6, 14),
                new BusinessDate(2034, 8, 15))));
        WithInstrument(new Instrument(DemoIds.EurUsd, "EUR/USD spot", AssetClass.FxSpot, Currency.USD, 2));
        WithInstrument(new Instrument(DemoIds.GbpUsd, "GBP/USD spot", AssetClass.FxSpot, Currency.USD, 2));
        WithInstrument(new Instrument(DemoIds.EurGbp, "EUR/GBP outright", AssetClass.FxForward, Currency.GBP, 2));
    }

    private void AddDemoBooksAndTraders()
    {
        WithBook(new Book(DemoIds.EquitiesNy, "US cash equities"));
        WithBook(new Book(DemoIds.EquitiesLdn, "European cash equities"));
        WithBook(new Book(DemoIds.FxLdn, "G10 FX"));
        WithBook(new Book(DemoIds.RatesLdn, "Government bonds"));
        WithBook(new Book(DemoIds.ClosedBook, "Closed proprietary book", isActive: false));
        WithTrader(new Trader(DemoIds.EquityTrader, "Jane Smith", new Mandate(
            [DemoIds.EquitiesNy, DemoIds.EquitiesLdn], [AssetClass.CashEquity], new Money(25_000_000m, Currency.USD))));
        WithTrader(new Trader(DemoIds.MacroTrader, "Arjun Kumar", new Mandate(
            [DemoIds.FxLdn, DemoIds.RatesLdn], [AssetClass.FxSpot, AssetClass.FxForward, AssetClass.GovernmentBond],
            new Money(250_000_000m, Currency.USD))));
    }
}
