namespace TradeFlow.Postgres.Writing;

/// <summary>
/// The <c>timestamptz</c> value the store writes into <c>recorded_at</c>/<c>effective_at</c> for a time, in the
/// type's binary send format (microseconds since 2000-01-01 UTC). It is exactly what Npgsql writes for the time's
/// UTC <see cref="DateTime"/> — the INSERT path sends those — so both write paths store the same value: the
/// 100 ns ticks truncated to PostgreSQL's microseconds, and <see cref="DateTime.MinValue"/>/<see cref="DateTime.MaxValue"/>
/// as <c>-infinity</c>/<c>infinity</c>, which Npgsql reads back as the same two values. The exact time stays in
/// the <c>*_ticks</c> and <c>*_offset</c> columns.
/// </summary>
internal static class PgTimestamp
{
    // 2000-01-01T00:00:00Z in .NET ticks: PostgreSQL's timestamp epoch.
    private const long EpochTicks = 630_822_816_000_000_000;

    /// <summary>Microseconds since 2000-01-01 UTC, or the infinities for the extreme values.</summary>
    public static long Microseconds(DateTimeOffset time) => time.UtcTicks switch
    {
        0 => long.MinValue, // DateTime.MinValue: -infinity
        3_155_378_975_999_999_999 => long.MaxValue, // DateTime.MaxValue: infinity
        var ticks => (ticks - EpochTicks) / 10, // truncated toward zero, as Npgsql does
    };
}
