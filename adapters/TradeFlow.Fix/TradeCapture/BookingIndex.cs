using System.Collections.Concurrent;
using TradeFlow.Domain.Values;

namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// Which trade each client id names, per counterparty: the ClOrdIDs of its orders (D, and the new ClOrdID of
/// every accepted replace or cancel, since a chain of replaces moves the id along) and the TradeReportIDs of its
/// capture reports. A cancel, replace or allocation naming the client's id thus reaches the right trade. Filled
/// as commands are acknowledged and, at start-up, from the source keys recorded in the event store.
/// </summary>
public sealed class BookingIndex
{
    private readonly ConcurrentDictionary<string, TradeId> _tradeByClientId = new(StringComparer.Ordinal);

    // Every FIX capture key the journal held at start-up, rejections included: what a stored answer's condition is
    // checked against after a restart (TradeCaptureApplication.IsMet).
    private readonly ConcurrentDictionary<string, byte> _journaledKeys = new(StringComparer.Ordinal);

    /// <summary>How many client ids are known.</summary>
    public int Count => _tradeByClientId.Count;

    /// <summary>Records that <paramref name="clientId"/> of a <paramref name="msgType"/> from <paramref name="senderCompId"/> names <paramref name="tradeId"/>.</summary>
    public void Record(string senderCompId, string msgType, string clientId, TradeId tradeId) =>
        _tradeByClientId[Key(senderCompId, msgType, clientId)] = tradeId;

    /// <summary>Records the trade a capture's <paramref name="sourceKey"/> (see <see cref="CaptureSourceKeys"/>) named; other keys are ignored.</summary>
    public bool TryRecord(string sourceKey, TradeId tradeId)
    {
        if (!CaptureSourceKeys.TryParse(sourceKey, out var sender, out var msgType, out var clientId))
        {
            return false;
        }

        Record(sender, msgType, clientId, tradeId);
        return true;
    }

    /// <summary>Records that the journal holds the outcome of the command with <paramref name="sourceKey"/> (accepted or rejected).</summary>
    public void RecordJournaled(string sourceKey) => _journaledKeys.TryAdd(sourceKey, 0);

    /// <summary>True when <see cref="RecordJournaled"/> was told of <paramref name="sourceKey"/>.</summary>
    public bool IsJournaled(string sourceKey) => _journaledKeys.ContainsKey(sourceKey);

    /// <summary>The trade a client id names; false when unknown.</summary>
    public bool TryFind(string senderCompId, string msgType, string clientId, out TradeId tradeId) =>
        _tradeByClientId.TryGetValue(Key(senderCompId, msgType, clientId), out tradeId);

    // Orders (D), their replaces (G) and cancels (F) share the ClOrdID namespace; allocations have their own.
    private static string Key(string senderCompId, string msgType, string clientId) =>
        string.Concat(senderCompId, msgType is "D" or "F" or "G" ? ":ORDER:" : ":" + msgType + ":", clientId);
}
