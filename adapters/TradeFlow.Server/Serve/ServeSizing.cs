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
}
