using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Engine.Decisions;

/// <summary>
/// A trade as the decision stage holds it: the domain state, its stream id (made once, reused by every
/// append) and the exposure it contributes while unsettled. A value stored inline in the
/// <see cref="LiveTradeTable"/>'s chunks, so a live trade costs the GC no object of its own: with one object
/// per trade every booking left one more survivor for each gen0 and gen1 collection to copy.
/// </summary>
/// <remarks>
/// A trade booked directly and not changed since — every booking, until its first later event — keeps only its
/// economics (shared with its <c>TradeBooked</c>), id and asset class, and builds its <see cref="State"/> when asked for
/// (<see cref="Trade.AsBooked"/>): the <see cref="Trade"/> object a booking used to allocate and retain (~110 bytes) is
/// made only for a trade that a later command addresses. The first event folded into it stores the real state.
/// </remarks>
internal readonly struct LiveTrade
{
    // A Trade, or the TradeEconomics of a trade as booked directly (then _id and _assetClass complete it).
    private readonly object _state;
    private readonly TradeId _id;
    private readonly AssetClass _assetClass;

    /// <summary>A trade with its full state.</summary>
    public LiveTrade(Trade state, string stream, LiveExposure exposure)
    {
        ArgumentNullException.ThrowIfNull(state);
        _state = state;
        _id = state.Id;
        _assetClass = state.AssetClass;
        Stream = stream;
        Exposure = exposure;
    }

    private LiveTrade(TradeId id, TradeEconomics economics, AssetClass assetClass, string stream, LiveExposure exposure)
    {
        _state = economics;
        _id = id;
        _assetClass = assetClass;
        Stream = stream;
        Exposure = exposure;
    }

    /// <summary>The trade's id.</summary>
    public TradeId Id => _id;

    /// <summary>The domain state; <see cref="Trade.Version"/> is the stream's event count. Allocates for a trade as booked.</summary>
    public Trade State => _state as Trade ?? Trade.AsBooked(_id, (TradeEconomics)_state, _assetClass);

    /// <summary>The stream id, <c>trade-{id}</c>.</summary>
    public string Stream { get; }

    /// <summary>The exposure figures it keeps (<see cref="LiveExposure"/>); unpriced when reference data could not price the trade.</summary>
    public LiveExposure Exposure { get; }

    /// <summary>The state's <see cref="Trade.Version"/>, without building the state.</summary>
    public int Version => _state is Trade trade ? trade.Version : 1;

    /// <summary>The state's <see cref="Trade.Status"/>, without building the state.</summary>
    public TradeStatus Status => _state is Trade trade ? trade.Status : TradeStatus.Booked;

    /// <summary>The state's <see cref="Trade.Economics"/>, without building the state.</summary>
    public TradeEconomics Economics => _state as TradeEconomics ?? ((Trade)_state).Economics;

    /// <summary>
    /// True while the trade counts against its limit and the settlement ladder: booked and not yet settled,
    /// cancelled, allocated, novated or matured.
    /// </summary>
    public bool CountsTowardsExposure => Exposure.IsPriced && Status is TradeStatus.Booked
        or TradeStatus.SettlementInstructed or TradeStatus.SettlementMatched or TradeStatus.SettlementFailed;

    /// <summary>A trade just booked directly (no parent, not a novation leg), holding its economics only.</summary>
    public static LiveTrade AsBooked(TradeId id, TradeEconomics economics, AssetClass assetClass, string stream,
        LiveExposure exposure) => new(id, economics, assetClass, stream, exposure);

    /// <summary>The same trade with a new state and exposure.</summary>
    public LiveTrade With(Trade state, LiveExposure exposure) => new(state, Stream, exposure);
}
