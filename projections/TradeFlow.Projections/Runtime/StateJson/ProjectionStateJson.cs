using System.Text.Json;

namespace TradeFlow.Projections.Runtime.StateJson;

/// <summary>
/// The options state documents are written with: <see cref="ProjectionJson.Options"/> plus hand-written writers for
/// the rows every trade contributes (economics, per-trade rows of each projection, posting lines, inventory
/// movements). Same bytes, so the same state hashes; the serializer's generic object walk was most of the cost of
/// hashing 200,000 trades' state at the end of a replay.
/// </summary>
internal static class ProjectionStateJson
{
    /// <summary>Write-only options (reading a state uses <see cref="ProjectionJson.Options"/>).</summary>
    public static JsonSerializerOptions WriteOptions { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(ProjectionJson.Options);
        options.Converters.Insert(0, new TradeEconomicsStateConverter());
        options.Converters.Insert(0, new PostingLineStateConverter());
        options.Converters.Insert(0, new JournalEntryStateConverter());
        options.Converters.Insert(0, new MovementStateConverter());
        options.Converters.Insert(0, new SettlementAccountStateConverter());
        options.Converters.Insert(0, new AccountingTradeStateConverter());
        options.Converters.Insert(0, new ExposureTradeStateConverter());
        options.Converters.Insert(0, new SettlementTradeStateConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
