using System.Buffers;
using BenchmarkDotNet.Attributes;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Serialization;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Benchmarks.Domain;

/// <summary>
/// The domain operations the decision and journal stages run per trade: parsing ids from captured
/// text, keyed lookups, the state-machine check, and writing an event to a reused buffer.
/// The claim under test is 0 B allocated per operation for the first four.
/// </summary>
[MemoryDiagnoser]
public class DomainValueBenchmarks
{
    private readonly Dictionary<CounterpartyId, int> _byCounterparty = [];
    private readonly Dictionary<InstrumentId, int> _byInstrument = [];
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly string _leiText = "784F5XWPLTWKTBV3E584";
    private readonly string _isinText = "US0378331005";
    private readonly string _tradeIdText = "T000000000042";
    private CounterpartyId _lei;
    private InstrumentId _isin;
    private Trade _trade = null!;
    private TradeBooked _booked = null!;

    [GlobalSetup]
    public void Setup()
    {
        _lei = CounterpartyId.Parse("784F5XWPLTWKTBV3E584");
        _isin = InstrumentId.Parse("US0378331005");
        _byCounterparty[_lei] = 1;
        _byCounterparty[CounterpartyId.Parse("7LTWFZYICNSX8D621K86")] = 2;
        _byInstrument[_isin] = 1;
        _byInstrument[InstrumentId.Parse("EUR/USD")] = 2;
        var economics = new TradeEconomics(_isin, Side.Buy, Quantity.Of(1000m), Price.Of(190.5m), _lei,
            BookId.Parse("EQ-NY"), TraderId.Parse("JSMITH"), new BusinessDate(2025, 3, 14), new BusinessDate(2025, 3, 17));
        _booked = new TradeBooked(TradeId.FromInt64(42), new DateTimeOffset(2025, 3, 14, 14, 30, 0, TimeSpan.Zero),
            economics, AssetClass.CashEquity, new Money(190_500m, Currency.USD));
        _trade = Trade.Evolve(null, _booked)!;
    }

    [Benchmark]
    public bool ParseLei() => CounterpartyId.TryParse(_leiText.AsSpan(), out _);

    [Benchmark]
    public bool ParseIsinAndTradeId() =>
        InstrumentId.TryParse(_isinText.AsSpan(), out _) & TradeId.TryParse(_tradeIdText.AsSpan(), out _);

    [Benchmark]
    public int LookupByLeiAndIsin() => _byCounterparty[_lei] + _byInstrument[_isin];

    [Benchmark]
    public RejectionCode? StateMachineCheck() =>
        LifecycleRules.Check(_trade, TradeCommandKind.InstructSettlement, ConfirmationPolicy.Default);

    [Benchmark]
    public int SerializeTradeBooked()
    {
        _buffer.ResetWrittenCount();
        DomainEventSerializer.Instance.Serialize(_booked, _buffer);
        return _buffer.WrittenCount;
    }
}
