using System.Collections.Frozen;
using TradeFlow.Domain.Calendars;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.ReferenceData;

/// <summary>
/// All reference data, validated together at start: every cross-reference resolves (mandate books
/// exist, every instrument currency has a calendar and an FX rate). Lookups take ids, return
/// <c>bool TryGet…(id, out x)</c>, never throw and never allocate, because the decision stage calls
/// them for every trade. Named <c>ReferenceDataSet</c> rather than <c>ReferenceData</c> so that it
/// does not collide with its namespace.
/// </summary>
public sealed class ReferenceDataSet
{
    private readonly FrozenDictionary<CounterpartyId, Counterparty> _counterparties;
    private readonly FrozenDictionary<InstrumentId, Instrument> _instruments;
    private readonly FrozenDictionary<BookId, Book> _books;
    private readonly FrozenDictionary<TraderId, Trader> _traders;
    private readonly FrozenDictionary<Currency, HolidayCalendar> _calendars;
    private readonly FrozenDictionary<InstrumentId, HolidayCalendar> _settlementCalendars;

    /// <summary>Creates and validates the set.</summary>
    /// <exception cref="ReferenceDataException">A duplicate id or an unresolved reference, naming the record and field.</exception>
    public ReferenceDataSet(
        IEnumerable<Counterparty> counterparties,
        IEnumerable<Instrument> instruments,
        IEnumerable<Book> books,
        IEnumerable<Trader> traders,
        IEnumerable<KeyValuePair<Currency, HolidayCalendar>> calendars,
        FxRates fxRates,
        Marks? marks = null,
        RestrictedList? restrictedList = null)
    {
        ArgumentNullException.ThrowIfNull(fxRates);
        _counterparties = Index(counterparties, c => c.Id, "Counterparty");
        _instruments = Index(instruments, i => i.Id, "Instrument");
        _books = Index(books, b => b.Id, "Book");
        _traders = Index(traders, t => t.Id, "Trader");
        _calendars = Index(calendars, kv => kv.Key, "Calendar").ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Value);
        FxRates = fxRates;
        Marks = marks ?? Marks.Empty;
        RestrictedList = restrictedList ?? RestrictedList.Empty;
        ValidateReferences();
        _settlementCalendars = _instruments.Values.ToFrozenDictionary(i => i.Id, SettlementCalendarOf);
    }

    /// <summary>FX rates to the bank's base currency.</summary>
    public FxRates FxRates { get; }

    /// <summary>End-of-day marks.</summary>
    public Marks Marks { get; }

    /// <summary>Compliance's restricted list.</summary>
    public RestrictedList RestrictedList { get; }

    /// <summary>All counterparties.</summary>
    public IEnumerable<Counterparty> Counterparties => _counterparties.Values;

    /// <summary>All instruments.</summary>
    public IEnumerable<Instrument> Instruments => _instruments.Values;

    /// <summary>All books.</summary>
    public IEnumerable<Book> Books => _books.Values;

    /// <summary>All traders.</summary>
    public IEnumerable<Trader> Traders => _traders.Values;

    /// <summary>Looks up a counterparty by LEI.</summary>
    public bool TryGetCounterparty(CounterpartyId id, out Counterparty counterparty) =>
        _counterparties.TryGetValue(id, out counterparty!);

    /// <summary>Looks up an instrument by ISIN or pair.</summary>
    public bool TryGetInstrument(InstrumentId id, out Instrument instrument) =>
        _instruments.TryGetValue(id, out instrument!);

    /// <summary>Looks up a book.</summary>
    public bool TryGetBook(BookId id, out Book book) => _books.TryGetValue(id, out book!);

    /// <summary>Looks up a trader.</summary>
    public bool TryGetTrader(TraderId id, out Trader trader) => _traders.TryGetValue(id, out trader!);

    /// <summary>Looks up a currency's holiday calendar.</summary>
    public bool TryGetCalendar(Currency currency, out HolidayCalendar calendar) =>
        _calendars.TryGetValue(currency, out calendar!);

    /// <summary>
    /// The calendar an instrument settles on: its currency's, or for an FX pair the joint calendar of
    /// both currencies (precomputed, so this does not allocate).
    /// </summary>
    public bool TryGetSettlementCalendar(InstrumentId id, out HolidayCalendar calendar) =>
        _settlementCalendars.TryGetValue(id, out calendar!);

    private HolidayCalendar SettlementCalendarOf(Instrument instrument) =>
        instrument.Id.IsFxPair
            ? _calendars[instrument.Id.Base].Join(_calendars[instrument.Id.Quote])
            : _calendars[instrument.Currency];

    private void ValidateReferences()
    {
        foreach (var trader in _traders.Values)
        {
            foreach (var book in trader.Mandate.AllowedBooks)
            {
                ReferenceDataException.ThrowIf(!_books.ContainsKey(book), $"Trader {trader.Id}", "Mandate.AllowedBooks",
                    $"names book {book}, which does not exist");
            }
        }

        foreach (var instrument in _instruments.Values)
        {
            Currency[] currencies = instrument.Id.IsFxPair ? [instrument.Id.Base, instrument.Id.Quote] : [instrument.Currency];
            foreach (var currency in currencies)
            {
                ReferenceDataException.ThrowIf(!_calendars.ContainsKey(currency), $"Instrument {instrument.Id}", "Currency",
                    $"{currency} has no holiday calendar");
                ReferenceDataException.ThrowIf(!FxRates.Covers(currency), $"Instrument {instrument.Id}", "Currency",
                    $"{currency} has no FX rate to {FxRates.BaseCurrency}");
            }
        }

        foreach (var counterparty in _counterparties.Values)
        {
            ReferenceDataException.ThrowIf(!FxRates.Covers(counterparty.CreditLimit.Currency), $"Counterparty {counterparty.Id}",
                "CreditLimit", $"currency {counterparty.CreditLimit.Currency} has no FX rate to {FxRates.BaseCurrency}");
        }
    }

    private static FrozenDictionary<TKey, TValue> Index<TKey, TValue>(IEnumerable<TValue> items, Func<TValue, TKey> key,
        string recordName)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(items);
        var index = new Dictionary<TKey, TValue>();
        foreach (var item in items)
        {
            ReferenceDataException.ThrowIf(!index.TryAdd(key(item), item), $"{recordName} {key(item)}", "Id",
                "is defined more than once");
        }

        return index.ToFrozenDictionary();
    }
}
