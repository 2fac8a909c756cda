using TradeFlow.Domain.Calendars;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Journal;

namespace TradeFlow.Benchmarks.Engine;

/// <summary>Which store the engine benchmarks run over.</summary>
public enum EngineStore
{
    /// <summary>A store that takes every append and keeps nothing: the engine alone.</summary>
    Discard,

    /// <summary>The in-memory store (copies every payload, keeps every event).</summary>
    InMemory,

    /// <summary>The embedded journal without fsync (its CPU cost: encode, CRC, SHA-256 chain, index).</summary>
    JournalNoFsync,

    /// <summary>The embedded journal with one fsync per group commit: the product.</summary>
    JournalFsync,
}

/// <summary>
/// Inputs of the engine benchmarks: reference data whose limits never bind (one equity, ten counterparties
/// with 10^15 USD limits, a trader whose mandate allows 10^12), and captures that pass every check.
/// </summary>
internal static class EngineBenchData
{
    public static readonly string Root = Path.Combine(Path.GetTempPath(), "tradeflow-bench");

    private static readonly InstrumentId Apple = InstrumentId.Parse("US0378331005");
    private static readonly BookId Book = BookId.Parse("EQ-NY");
    private static readonly TraderId Trader = TraderId.Parse("JSMITH");
    private static readonly CounterpartyId[] Counterparties =
    [
        CounterpartyId.Parse("784F5XWPLTWKTBV3E584"), CounterpartyId.Parse("7LTWFZYICNSX8D621K86"),
        CounterpartyId.Parse("G5GSEF7VJP5I7OUK5573"), CounterpartyId.Parse("R0MUWSFPU8MPRO8K5P83"),
        CounterpartyId.Parse("HWUPKR0MPOU8FGXBT394"),
    ];

    public static ReferenceDataSet ReferenceData()
    {
        var usd = new HolidayCalendar("USD", [new BusinessDate(2025, 7, 4)]);
        var counterparties = Counterparties.Select((id, i) => new Counterparty(id, $"Counterparty {i}", true,
            new CreditLimit($"CL-{i}", new Money(1e15m, Currency.USD), new Money(1e15m, Currency.USD)),
            [new StandingSettlementInstruction(id, Currency.USD, AssetClass.CashEquity, $"USD-EQ-{i}", "GSCMUS33")]));
        return new ReferenceDataSet(
            counterparties,
            [new Instrument(Apple, "Apple Inc.", AssetClass.CashEquity, Currency.USD, 1)],
            [new Book(Book, "US cash equities")],
            [new Trader(Trader, "Jane Smith", new Mandate([Book], [AssetClass.CashEquity], new Money(1e12m, Currency.USD)))],
            [new KeyValuePair<Currency, HolidayCalendar>(Currency.USD, usd)],
            new FxRates(Currency.USD, [new KeyValuePair<Currency, decimal>(Currency.USD, 1m)]),
            new Marks(new BusinessDate(2025, 3, 13), [new KeyValuePair<InstrumentId, Price>(Apple, Price.Of(191.20m))]),
            RestrictedList.Empty);
    }

    /// <summary>Distinct captures (unique source keys; all buys, so none mirrors another).</summary>
    public static BookTrade[] Captures(int count, string prefix)
    {
        var executed = new DateTimeOffset(2025, 3, 14, 14, 30, 0, TimeSpan.Zero);
        var captures = new BookTrade[count];
        for (var i = 0; i < count; i++)
        {
            var terms = new TradeTerms(Apple, Side.Buy, Quantity.Of(100 + (i % 900)), Price.Of(190.50m),
                Counterparties[i % Counterparties.Length], Book, Trader, new BusinessDate(2025, 3, 14));
            captures[i] = new BookTrade($"{prefix}:FIX:CLIENT1:571={i}", executed, terms);
        }

        return captures;
    }

    // TRADEFLOW_EXPECTED_STREAMS=N: the embedded journal's stream table is sized for N streams when it opens
    // (JournalOptions.ExpectedStreams); unset, it grows by doubling as the round books.
    private static int ExpectedStreams =>
        int.TryParse(Environment.GetEnvironmentVariable("TRADEFLOW_EXPECTED_STREAMS"), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;

    public static (IEventJournal Store, string? Directory) OpenStore(EngineStore kind)
    {
        switch (kind)
        {
            case EngineStore.Discard:
                return (new DiscardJournal(), null);
            case EngineStore.InMemory:
                return (new InMemoryEventStore(), null);
            default:
                var directory = Path.Combine(Root, "engine-" + Guid.NewGuid().ToString("N"));
                var durability = kind == EngineStore.JournalFsync ? JournalDurability.EveryBatch : JournalDurability.NoFsyncBenchmarkOnly;
                return (EventJournal.Open(new JournalOptions(directory) { Durability = durability, ExpectedStreams = ExpectedStreams }), directory);
        }
    }

    public static void Delete(IEventJournal store, string? directory)
    {
        store.Dispose();
        if (directory is not null)
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
