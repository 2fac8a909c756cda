using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// The repeated-value caches a booking's writers copy its ids and dates from: the process's shared ones
/// (<see cref="RepeatedJsonValue{T}"/>) in production, or caches of a chosen capacity in tests. The shared caches fill
/// in whatever order the tests run, so the one branch that must refuse a value a full cache does not hold (or the raw
/// path would emit <c>"instrument":,</c>) is tested through caches made full on purpose.
/// </summary>
internal sealed class TradeBookedValueTexts
{
    /// <summary>The process's shared caches.</summary>
    public static readonly TradeBookedValueTexts Shared = new(
        RepeatedJsonValue<InstrumentId>.Shared, RepeatedJsonValue<CounterpartyId>.Shared, RepeatedJsonValue<BookId>.Shared,
        RepeatedJsonValue<TraderId>.Shared, RepeatedJsonValue<BusinessDate>.Shared);

    private TradeBookedValueTexts(RepeatedJsonValues<InstrumentId> instruments, RepeatedJsonValues<CounterpartyId> counterparties,
        RepeatedJsonValues<BookId> books, RepeatedJsonValues<TraderId> traders, RepeatedJsonValues<BusinessDate> dates)
    {
        Instruments = instruments;
        Counterparties = counterparties;
        Books = books;
        Traders = traders;
        Dates = dates;
    }

    /// <summary>Instruments' bytes.</summary>
    public RepeatedJsonValues<InstrumentId> Instruments { get; }

    /// <summary>Counterparties' bytes.</summary>
    public RepeatedJsonValues<CounterpartyId> Counterparties { get; }

    /// <summary>Books' bytes.</summary>
    public RepeatedJsonValues<BookId> Books { get; }

    /// <summary>Traders' bytes.</summary>
    public RepeatedJsonValues<TraderId> Traders { get; }

    /// <summary>Trade and settlement dates' bytes.</summary>
    public RepeatedJsonValues<BusinessDate> Dates { get; }

    /// <summary>Fresh caches of <paramref name="capacity"/> values each (tests: 0 is a cache that is full from the start).</summary>
    public static TradeBookedValueTexts WithCapacity(int capacity)
    {
        var options = DomainJsonContext.Default.Options;
        return new(new(options, capacity), new(options, capacity), new(options, capacity), new(options, capacity),
            new(options, capacity));
    }
}
