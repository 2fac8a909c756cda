namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// The idempotency keys of FIX captures, <c>FIX:{client CompID}:{MsgType}:{client id}</c>: the client's id
/// (TradeReportID, ClOrdID, AllocID) is unique only per counterparty and per message type. The engine records
/// the key with the events, so a resend after a restart is still recognised and answered with the original outcome.
/// </summary>
public static class CaptureSourceKeys
{
    /// <summary>The prefix every FIX capture key starts with.</summary>
    public const string Prefix = "FIX:";

    /// <summary>The key of a <paramref name="msgType"/> carrying <paramref name="clientId"/> from <paramref name="senderCompId"/>.</summary>
    public static string For(string senderCompId, string msgType, string clientId) =>
        string.Concat(Prefix, senderCompId, ":", msgType, ":", clientId);

    /// <summary>Splits a key made by <see cref="For"/>; false for any other source's key.</summary>
    public static bool TryParse(string sourceKey, out string senderCompId, out string msgType, out string clientId)
    {
        senderCompId = msgType = clientId = string.Empty;
        if (!sourceKey.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = sourceKey[Prefix.Length..].Split(':', 3);
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || parts[2].Length == 0)
        {
            return false;
        }

        (senderCompId, msgType, clientId) = (parts[0], parts[1], parts[2]);
        return true;
    }
}
