using TradeFlow.Domain.Calendars;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.Serialization;
using TradeFlow.Journal;

namespace TradeFlow.Benchmarks.Projections;

/// <summary>
/// A realistic replay input: trades alternating US equity buys/sells and EUR/USD spot deals over four books and
/// three counterparties, each living through booked → confirmed → instructed → matched → settled
/// (five events per trade), written once to an embedded journal of 1M events and reused by later runs.
/// </summary>
internal static class ProjectionBenchmarkData
{
    public const int MillionEvents = 1_000_000;
    public const int TenMillionEvents = 10_000_000;
    public const int EventsPerTrade = 5;
    private static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    private static readonly CounterpartyId[] Counterparties =
    [
        CounterpartyId.Parse("784F5XWPLTWKTBV3E584"), CounterpartyId.Parse("7LTWFZYICNSX8D621K86"),
        CounterpartyId.Parse("G5GSEF7VJP5I7OUK5573"),
    ];

    private static readonly BookId[] Books = [BookId.Parse("EQ-NY"), BookId.Parse("EQ-LDN"), BookId.Parse("FX-LDN"), BookId.Parse("FX-NY")];
    private static readonly InstrumentId Apple = InstrumentId.Parse("US0378331005");
    private static readonly InstrumentId EurUsd = InstrumentId.Parse("EUR/USD");
    private static readonly TraderId Trader = TraderId.Parse("AKUMAR");

    public static ReferenceDataSet ReferenceData { get; } = BuildReferenceData();

    /// <summary>The events of <paramref name="trades"/> trades in global order (all bookings first, then each lifecycle step in turn).</summary>
    public static List<ITradeEvent> Events(int trades, bool settle = true)
    {
        var events = new List<ITradeEvent>(trades * EventsPerTrade);
        for (var t = 1; t <= trades; t++)
        {
            events.Add(Booking(t));
        }

        if (!settle)
        {
            return events;
        }

        for (var t = 1; t <= trades; t++)
        {
            var id = TradeId.FromInt64(t);
            var at = Start.AddSeconds(t);
            var fx = t % 2 == 0;
            events.Add(new TradeConfirmed(id, at, "CONF"));
            events.Add(new SettlementInstructed(id, at, 1,
                fx ? [Account(Currency.EUR), Account(Currency.USD)] : [Account(Currency.USD)]));
            events.Add(new SettlementMatched(id, at, "MATCH"));
            events.Add(new SettlementSettled(id, at, new BusinessDate(2025, 3, 18)));
        }

        return events;
    }

    /// <summary>The events of <see cref="Events"/> one at a time, for histories too large to hold as a list.</summary>
    public static IEnumerable<ITradeEvent> StreamEvents(int trades)
    {
        for (var t = 1; t <= trades; t++)
        {
            yield return Booking(t);
        }

        for (var t = 1; t <= trades; t++)
        {
            var id = TradeId.FromInt64(t);
            var at = Start.AddSeconds(t);
            var fx = t % 2 == 0;
            yield return new TradeConfirmed(id, at, "CONF");
            yield return new SettlementInstructed(id, at, 1,
                fx ? [Account(Currency.EUR), Account(Currency.USD)] : [Account(Currency.USD)]);
            yield return new SettlementMatched(id, at, "MATCH");
            yield return new SettlementSettled(id, at, new BusinessDate(2025, 3, 18));
        }
    }

    /// <summary>A 1M-event journal of <see cref="Events"/>, commits of 100, built once.</summary>
    public static string MillionEventJournal() => Journal("projections-1m", MillionEvents);

    /// <summary>
    /// The same trades for 10M events (2,000,000 trades, ~3.5 GB in $TMPDIR), built once: the large-store run of
    /// tradeflow-replay (issue 9). Delete <c>$TMPDIR/tradeflow-bench/projections-10m</c> when done with it.
    /// </summary>
    public static string TenMillionEventJournal() => Journal("projections-10m", TenMillionEvents);

    private static string Journal(string name, int eventCount)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "tradeflow-bench", name);
        var done = Path.Combine(dataDirectory, "built");
        if (File.Exists(done))
        {
            return dataDirectory;
        }

        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        var factory = new EventDataFactory(TradeEventSerializer.Instance);
        using (var journal = EventJournal.Open(new JournalOptions(dataDirectory) { Durability = JournalDurability.NoFsyncBenchmarkOnly }))
        {
            long index = 0;
            var commit = new List<ITradeEvent>(100);
            foreach (var evt in StreamEvents(eventCount / EventsPerTrade))
            {
                commit.Add(evt);
                if (commit.Count == 100)
                {
                    Append(journal, factory, commit, ref index);
                }
            }

            Append(journal, factory, commit, ref index);
        }

        File.WriteAllText(done, eventCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return dataDirectory;
    }

    // One commit; a stream may appear once per commit, so consecutive events of one trade go in one append.
    private static void Append(EventJournal journal, EventDataFactory factory, List<ITradeEvent> commit, ref long index)
    {
        if (commit.Count == 0)
        {
            return;
        }

        var appends = new List<StreamAppend>(commit.Count);
        var j = 0;
        while (j < commit.Count)
        {
            var batch = new List<EventData>();
            var tradeId = commit[j].TradeId;
            do
            {
                batch.Add(factory.Create(commit[j], new EventContext(Guid.NewGuid(), Start.AddMilliseconds(index), commit[j].EffectiveTime)));
                index++;
                j++;
            }
            while (j < commit.Count && commit[j].TradeId == tradeId);

            appends.Add(new StreamAppend($"trade-{tradeId}", ExpectedVersion.Any, batch));
        }

        journal.AppendMultiple(appends).EnsureSuccess();
        commit.Clear();
    }

    private static TradeBooked Booking(int t)
    {
        var id = TradeId.FromInt64(t);
        var fx = t % 2 == 0;
        var side = t % 3 == 0 ? Side.Sell : Side.Buy;
        var counterparty = Counterparties[t % Counterparties.Length];
        var book = Books[(fx ? 2 : 0) + (t / 2 % 2)];
        var quantity = Quantity.Of(fx ? 1_000_000m + (t % 10 * 100_000m) : 100m + (t % 50));
        var price = Price.Of(fx ? 1.0850m + (t % 20 / 10_000m) : 190m + (t % 40 / 4m));
        var economics = new TradeEconomics(fx ? EurUsd : Apple, side, quantity, price, counterparty, book, Trader,
            new BusinessDate(2025, 3, 14), new BusinessDate(2025, 3, 18));
        return new TradeBooked(id, Start.AddSeconds(t), economics, fx ? AssetClass.FxSpot : AssetClass.CashEquity,
            new Money(quantity.Times(price), Currency.USD));
    }

    private static SettlementAccount Account(Currency currency) => new(currency, "ACC-" + currency, "GSCMUS33");

    private static ReferenceDataSet BuildReferenceData()
    {
        var limit = new CreditLimit("CL", new Money(10_000_000_000m, Currency.USD), new Money(8_000_000_000m, Currency.USD));
        var counterparties = Counterparties.Select(c => new Counterparty(c, "Bank " + c.ToString()[..4], true, limit,
        [
            new StandingSettlementInstruction(c, Currency.USD, AssetClass.CashEquity, "USD-EQ", "GSCMUS33"),
            new StandingSettlementInstruction(c, Currency.USD, AssetClass.FxSpot, "USD-FX", "GSCMUS33"),
            new StandingSettlementInstruction(c, Currency.EUR, AssetClass.FxSpot, "EUR-FX", "GSCMUS33"),
        ]));
        var instruments = new[]
        {
            new Instrument(Apple, "Apple Inc.", AssetClass.CashEquity, Currency.USD, 1),
            new Instrument(EurUsd, "EUR/USD spot", AssetClass.FxSpot, Currency.USD, 2),
        };
        var mandate = new Mandate(Books, [AssetClass.CashEquity, AssetClass.FxSpot], new Money(1_000_000_000m, Currency.USD));
        return new ReferenceDataSet(counterparties, instruments, Books.Select(b => new Book(b, b.ToString())),
            [new Trader(Trader, "Arjun Kumar", mandate)],
            [new(Currency.USD, HolidayCalendar.WeekendsOnly), new(Currency.EUR, HolidayCalendar.WeekendsOnly)],
            new FxRates(Currency.USD, [new(Currency.EUR, 1.0850m)]),
            new Marks(new BusinessDate(2025, 3, 13), [new(Apple, Price.Of(191.20m)), new(EurUsd, Price.Of(1.0852m))]));
    }
}
