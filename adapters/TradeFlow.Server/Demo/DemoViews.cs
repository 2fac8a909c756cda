using System.Globalization;
using System.Text.Json;

namespace TradeFlow.Server.Demo;

/// <summary>
/// What risk and the back office see after the demo's day, read from the running server's live projections over
/// its HTTP API (after they have folded up to the journal's head): exposure against limits, positions, the
/// settlement ladder, fails and the trial balance.
/// </summary>
internal static class DemoViews
{
    public static async Task<DemoUserViews> ReadAsync(DemoBackOffice office, long eventsFolded, TimeSpan waited, CancellationToken cancellationToken)
    {
        var from = DemoScenario.TradeDate.ToString();
        var failsOn = DemoScenario.TradeDate.AddDays(3).ToString();
        var exposures = await office.GetAsync("/api/risk/exposures", cancellationToken).ConfigureAwait(false);
        var positions = await office.GetAsync("/api/risk/positions", cancellationToken).ConfigureAwait(false);
        var ladder = await office.GetAsync($"/api/settlement/ladder?from={from}&days=10", cancellationToken).ConfigureAwait(false);
        var trialBalance = await office.GetAsync("/api/ledger/trial-balance", cancellationToken).ConfigureAwait(false);
        var fails = await office.GetAsync($"/api/settlement/fails?date={failsOn}", cancellationToken).ConfigureAwait(false);
        return new DemoUserViews(
            eventsFolded,
            Math.Round(waited.TotalMilliseconds, 1),
            [.. exposures.EnumerateArray().Select(Exposure).OrderByDescending(e => e.UtilisationPercent)],
            [.. positions.EnumerateArray().Select(Position).Where(p => p.Quantity != 0m)
                .OrderBy(p => p.Book, StringComparer.Ordinal).ThenBy(p => p.Instrument, StringComparer.Ordinal)],
            [.. ladder.EnumerateArray().Select(r => new DemoLadderRow(S(r, "date"), S(r, "currency"), D(r, "receive"), D(r, "pay"), D(r, "net")))
                .OrderBy(r => r.Date, StringComparer.Ordinal).ThenBy(r => r.Currency, StringComparer.Ordinal)],
            [.. trialBalance.EnumerateArray().Select(t => new DemoTrialBalanceLine(S(t, "currency"), D(t, "debits"), D(t, "credits"), D(t, "net")))],
            fails.GetArrayLength());
    }

    private static DemoExposure Exposure(JsonElement e) =>
        new(S(e, "name"), S(e, "counterparty"), S(e, "currency"), D(e, "settlementRisk"), D(e, "mtmNet"), D(e, "utilised"),
            D(e, "hardLimit"), D(e, "utilisationPercent"), D(e, "headroom"), S(e, "breach"));

    private static DemoPosition Position(JsonElement p) =>
        new(S(p, "book"), S(p, "instrument"), S(p, "currency"), D(p, "quantity"), N(p, "averageCost"), N(p, "marketValue"),
            N(p, "unrealisedPnl"), D(p, "realisedPnl"));

    private static string S(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.String
        ? e.GetProperty(name).GetString()!
        : e.GetProperty(name).GetRawText();

    private static decimal D(JsonElement e, string name) => N(e, name) ?? throw new JsonException($"'{name}' is null in {e}");

    // Amounts are JSON numbers; a converter may write money as a string, so both are read.
    private static decimal? N(JsonElement e, string name) => e.GetProperty(name) switch
    {
        { ValueKind: JsonValueKind.Number } n => n.GetDecimal(),
        { ValueKind: JsonValueKind.String } s => decimal.Parse(s.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture),
        _ => null,
    };
}
