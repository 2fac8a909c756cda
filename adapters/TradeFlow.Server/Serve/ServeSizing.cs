namespace TradeFlow.Server.Serve;

/// <summary>
/// How many trades <c>tradeflow serve</c> sizes the engine's decision state for up front
/// (<see cref="TradeFlow.Engine.EngineOptions.ExpectedTrades"/>): twice what the journal already holds, so the trading
/// day's bookings do not grow the state chunk by chunk on the decide thread, but at least a floor (a new or small
/// journal) and at most a ceiling (the memory is taken when the engine is built: ~120 B per expected trade).
/// </summary>
internal static class ServeSizing
{
    /// <summary>The default floor: 100,000 trades, ~12 MB up front.</summary>
    public const int DefaultFloor = 100_000;

    /// <summary>The default ceiling: 2,000,000 trades, ~240 MB up front.</summary>
    public const int DefaultCeiling = 2_000_000;

    /// <summary>
    /// The larger of twice <paramref name="recoveredTrades"/> and <paramref name="floor"/>, never more than
    /// <paramref name="ceiling"/> (nor less than zero).
    /// </summary>
    public static int ExpectedTrades(long recoveredTrades, int floor, int ceiling)
    {
        var wanted = Math.Max(Math.Max(recoveredTrades, 0) * 2, floor);
        return (int)Math.Clamp(wanted, 0, Math.Max(ceiling, 0));
    }

    /// <summary>
    /// How many streams the embedded journal's stream table is reserved for (<see cref="TradeFlow.Journal.EventJournal.ReserveStreams"/>):
    /// as many as <paramref name="expectedTrades"/>, since a booked trade is one stream (<c>trade-{id}</c>, all its
    /// events in it) and the recovered stream count the trades were sized from counts every stream the same way;
    /// the rare others (a refused capture's <c>rejections-{id}</c>, a counterparty's <c>limit-</c>) fit in the table's
    /// power-of-two rounding or grow it as before. None for a store without the table (PostgreSQL).
    /// Costs 32–64 bytes per stream up front, on top of the ~120 B per trade of the decision state.
    /// </summary>
    public static int ExpectedStreams(int expectedTrades, bool embeddedJournal) => embeddedJournal ? expectedTrades : 0;
}
