using System.Collections.Immutable;
using TradeFlow.Domain.Calendars;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Server.Demo;

/// <summary>
/// The demo's trading day, deterministic for a seed: captures across equities, FX spot and forwards and
/// government bonds on the shipped demo reference data, then the lifecycle a middle and back office
/// drive on them (amend, cancel, partial termination, allocation, confirmation, settlement instruction,
/// matching, settlement and fails), plus captures that must be refused (restricted instrument, fat
/// finger, hard-limit breach, trader outside mandate, inactive counterparty).
/// </summary>
internal sealed class DemoScenario
{
    /// <summary>The demo's trade date: a Friday covered by every demo calendar.</summary>
    public static readonly BusinessDate TradeDate = new(2026, 11, 20);

    /// <summary>The value date of the demo's FX forwards: one month out, a business day in EUR and GBP.</summary>
    public static readonly BusinessDate ForwardValueDate = new(2026, 12, 21);

    private static readonly CounterpartyId[] Counterparties =
    [
        CounterpartyId.Parse("784F5XWPLTWKTBV3E584"), CounterpartyId.Parse("7LTWFZYICNSX8D621K86"), CounterpartyId.Parse("G5GSEF7VJP5I7OUK5573"),
    ];

    private static readonly CounterpartyId InactiveCounterparty = CounterpartyId.Parse("R0MUWSFPU8MPRO8K5P83");
    private static readonly TraderId EquityTrader = TraderId.Parse("JSMITH");
    private static readonly TraderId MacroTrader = TraderId.Parse("AKUMAR");

    private readonly ReferenceDataSet _referenceData;
    private readonly Random _random;
    private long _sourceCounter;
    private DateTimeOffset _businessTime = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    public DemoScenario(ReferenceDataSet referenceData, int seed)
    {
        _referenceData = referenceData;
        _random = new Random(seed);
    }

    /// <summary>A capture of an ordinary size at a price near the mark.</summary>
    public BookTrade NextCapture()
    {
        var roll = _random.Next(100);
        var counterparty = Counterparties[_random.Next(Counterparties.Length)];
        var side = _random.Next(2) == 0 ? Side.Buy : Side.Sell;
        var terms = roll switch
        {
            < 25 => Equity("US0378331005", "EQ-NY", 191.20m, counterparty, side),
            < 40 => Equity("DE0007164600", "EQ-LDN", 246.10m, counterparty, side),
            < 55 => Fx("EUR/USD", 1.0852m, counterparty, side),
            < 65 => Fx("GBP/USD", 1.2700m, counterparty, side),
            < 75 => Fx("EUR/GBP", 0.8545m, counterparty, side) with { SettlementDate = ForwardValueDate },
            < 90 => Bond("US91282CLW90", 98.765625m, counterparty, side),
            _ => Bond("DE0001102614", 101.25m, counterparty, side),
        };
        return new BookTrade(NextSourceKey("CAP"), Tick(), terms);
    }

    /// <summary>Captures that compliance or risk must refuse, each for a different reason.</summary>
    public IEnumerable<(string Expectation, BookTrade Capture)> CapturesToRefuse()
    {
        var cp = Counterparties[0];
        yield return ("restricted instrument", Capture(Equity("GB0002634946", "EQ-LDN", 5.20m, cp, Side.Buy)));
        yield return ("fat finger: price 10x the mark", Capture(Equity("US0378331005", "EQ-NY", 1912.00m, cp, Side.Buy)));
        yield return ("hard credit limit breach", Capture(Bond("US91282CLW90", 98.765625m, cp, Side.Buy) with { Quantity = Quantity.Of(60_000_000m) }));
        yield return ("trader outside mandate", Capture(Fx("EUR/USD", 1.0852m, cp, Side.Buy) with { Trader = EquityTrader }));
        yield return ("inactive counterparty", Capture(Equity("US0378331005", "EQ-NY", 191.20m, InactiveCounterparty, Side.Buy)));
    }

    /// <summary>Middle-office changes to a wave of booked trades: a few amends, cancels, partial terminations and one allocation.</summary>
    public IEnumerable<TradeCommand> Changes(IReadOnlyList<(TradeId Id, TradeTerms Terms)> booked)
    {
        for (var i = 0; i < booked.Count; i++)
        {
            var (id, terms) = booked[i];
            switch (i % 40)
            {
                case 3:
                    yield return new AmendTrade(id, NextSourceKey("AMD"), Tick(), terms with { Price = Price.Of(Math.Round(terms.Price.Value * 1.001m, 6)) });
                    break;
                case 7:
                    yield return new CancelTrade(id, NextSourceKey("CXL"), Tick(), "booked in error (demo)");
                    break;
                case 11:
                    yield return new PartiallyTerminateTrade(id, NextSourceKey("PTM"), Tick(), Quantity.Of(Math.Floor(terms.Quantity.Value / 4)));
                    break;
                case 17 when terms.Book == BookId.Parse("EQ-NY"):
                    yield return Allocate(id, terms);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Confirmation of a live trade (required before instruction for FX and bonds).</summary>
    public ConfirmTrade Confirm(TradeId id) => new(id, NextSourceKey("CNF"), Tick(), $"MT300-{id}");

    /// <summary>Settlement instruction of a live trade.</summary>
    public InstructSettlement Instruct(TradeId id) => new(id, NextSourceKey("INS"), Tick());

    /// <summary>Matching of an instructed trade.</summary>
    public MatchSettlement Match(TradeId id) => new(id, NextSourceKey("MAT"), Tick(), $"MATCH-{id}");

    /// <summary>Settlement of a matched trade on its value date, or (one in twenty) a fail with the custodian's reason.</summary>
    public TradeCommand SettleOrFail(TradeId id, TradeTerms terms) =>
        _random.Next(20) == 0
            ? new FailSettlement(id, NextSourceKey("FAL"), Tick(), "counterparty short of securities (demo)")
            : Settle(id, terms);

    /// <summary>Settlement on the trade's value date (late, after a fail, is allowed: the fail is then cured).</summary>
    public SettleTrade Settle(TradeId id, TradeTerms terms) => new(id, NextSourceKey("STL"), Tick(), terms.SettlementDate ?? ValueDate(terms));

    /// <summary>True for three fails in four: cured by a late settlement; the rest stay on the fails report.</summary>
    public bool CuresFail() => _random.Next(4) != 0;

    private BookTrade Capture(TradeTerms terms) => new(NextSourceKey("CAP"), Tick(), terms);

    private AllocateTrade Allocate(TradeId id, TradeTerms terms)
    {
        var first = Math.Floor(terms.Quantity.Value / 2);
        ImmutableArray<AllocationLeg> legs =
        [
            new(BookId.Parse("EQ-NY"), terms.Counterparty, Quantity.Of(first)),
            new(BookId.Parse("EQ-LDN"), terms.Counterparty, Quantity.Of(terms.Quantity.Value - first)),
        ];
        return new AllocateTrade(id, NextSourceKey("ALC"), Tick(), legs);
    }

    private TradeTerms Equity(string isin, string book, decimal mark, CounterpartyId counterparty, Side side) =>
        new(InstrumentId.Parse(isin), side, Quantity.Of(_random.Next(1, 50) * 10), Near(mark, 0.005m), counterparty,
            BookId.Parse(book), EquityTrader, TradeDate);

    private TradeTerms Fx(string pair, decimal mark, CounterpartyId counterparty, Side side) =>
        new(InstrumentId.Parse(pair), side, Quantity.Of(_random.Next(1, 20) * 10_000), Near(mark, 0.001m), counterparty,
            BookId.Parse("FX-LDN"), MacroTrader, TradeDate);

    private TradeTerms Bond(string isin, decimal mark, CounterpartyId counterparty, Side side) =>
        new(InstrumentId.Parse(isin), side, Quantity.Of(_random.Next(1, 20) * 10_000), Near(mark, 0.002m), counterparty,
            BookId.Parse("RATES-LDN"), MacroTrader, TradeDate);

    // A price within ±band of the mark, rounded as the market quotes it.
    private Price Near(decimal mark, decimal band) =>
        Price.Of(Math.Round(mark * (1m + band * (((decimal)_random.NextDouble() * 2m) - 1m)), mark < 10m ? 5 : 4));

    private BusinessDate ValueDate(TradeTerms terms) =>
        _referenceData.TryGetInstrument(terms.Instrument, out var instrument) && _referenceData.TryGetSettlementCalendar(terms.Instrument, out var calendar)
            ? SettlementDates.SettlementDate(terms.TradeDate, instrument.SettlementCycleDays, calendar)
            : terms.TradeDate;

    private string NextSourceKey(string kind) => $"DEMO-{kind}-{++_sourceCounter:D7}";

    // Business (effective) time moves on a second per command through the demo's trading day.
    private DateTimeOffset Tick() => _businessTime = _businessTime.AddSeconds(1);
}
