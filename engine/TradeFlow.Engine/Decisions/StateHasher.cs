using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TradeFlow.Engine.Decisions;

/// <summary>
/// A deterministic SHA-256 over a canonical text form of the decision state: everything sorted by an
/// ordinal key, decimals without trailing zeros (a JSON round trip may change a decimal's scale but not
/// its value), times as UTC ticks. Two states with the same hash decide every future command alike.
/// Off the hot path (it allocates freely).
/// </summary>
internal static class StateHasher
{
    /// <summary>The hash as lower-case hex.</summary>
    public static string Hash(DecisionState state) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(state))));

    /// <summary>The canonical form (exposed for diagnosing a hash mismatch).</summary>
    public static string Canonical(DecisionState state)
    {
        var text = new StringBuilder();
        text.Append("next ").Append(state.NextTradeId).Append('\n');
        foreach (var trade in state.Trades.OrderBy(t => t.Id))
        {
            AppendTrade(text, trade);
        }

        foreach (var (limit, amount) in state.Utilisation.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.Append("limit ").Append(limit).Append(' ').Append(Canon(amount)).Append('\n');
        }

        foreach (var (counterparty, entry) in state.Limits.Changed.OrderBy(kv => kv.Key.ToString(), StringComparer.Ordinal))
        {
            var l = entry.Limit;
            text.Append("creditlimit ").Append(counterparty).Append(' ').Append(l.LimitId).Append(" v").Append(entry.Version)
                .Append(" hard ").Append(Canon(l.Hard.Amount)).Append(" soft ").Append(Canon(l.Soft.Amount)).Append(' ')
                .Append(l.Currency.Code).Append('\n');
        }

        foreach (var (date, amount) in state.SettlementLadder.OrderBy(kv => kv.Key))
        {
            text.Append("ladder ").Append(date).Append(' ').Append(Canon(amount)).Append('\n');
        }

        foreach (var (key, outcome) in state.Outcomes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.Append("key ").Append(key).Append(' ').Append(outcome.Status).Append(' ').Append(outcome.TradeId);
            foreach (var reason in outcome.Reasons)
            {
                text.Append(" | ").Append(reason.Code).Append(": ").Append(reason.Message);
            }

            foreach (var warning in outcome.Warnings)
            {
                text.Append(" ! ").Append(warning);
            }

            text.Append('\n');
        }

        foreach (var line in state.Wash.Entries
                     .Select(kv => $"wash {kv.Key.Trader} {kv.Key.Instrument} {kv.Key.Side} {Canon(kv.Key.Price.Value)} {Canon(kv.Key.Quantity.Value)} {kv.Value.Time.UtcTicks} {kv.Value.Trade}")
                     .Order(StringComparer.Ordinal))
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    private static void AppendTrade(StringBuilder text, in LiveTrade live)
    {
        var t = live.State;
        var e = t.Economics;
        text.Append("trade ").Append(t.Id).Append(' ').Append(live.Stream).Append(' ').Append(t.Status)
            .Append(" v").Append(t.Version).Append(t.IsConfirmed ? " confirmed" : " unconfirmed")
            .Append(' ').Append(e.Instrument).Append(' ').Append(e.Side).Append(' ').Append(Canon(e.Quantity.Value))
            .Append(" @ ").Append(Canon(e.Price.Value)).Append(' ').Append(e.Counterparty).Append(' ').Append(e.Book)
            .Append(' ').Append(e.Trader).Append(' ').Append(e.TradeDate).Append(' ').Append(e.SettlementDate)
            .Append(" attempts ").Append(t.SettlementAttempts).Append(" parent ").Append(t.ParentTradeId)
            .Append(" from ").Append(t.NovatedFromTradeId).Append(" to ").Append(t.NovatedToTradeId)
            .Append(" settled ").Append(t.SettledOn).Append(" fail ").Append(t.LastFailReason);
        if (live.Exposure is { IsPriced: true } f)
        {
            text.Append(" exposure ").Append(f.LimitId).Append(' ').Append(Canon(f.Exposure)).Append(' ')
                .Append(f.LimitCurrency.Code).Append(" base ").Append(Canon(f.NotionalInBase));
        }

        text.Append('\n');
    }

    private static string Canon(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
