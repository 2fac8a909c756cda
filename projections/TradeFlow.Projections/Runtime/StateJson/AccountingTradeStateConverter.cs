using System.Text.Json;
using TradeFlow.Projections.Accounting;

namespace TradeFlow.Projections.Runtime.StateJson;

/// <summary>Writes accounting's per-trade row as the serializer does.</summary>
internal sealed class AccountingTradeStateConverter : StateRowConverter<AccountingTrade>
{
    private static readonly JsonEncodedText AccruedInterest = JsonEncodedText.Encode("accruedInterest");
    private static readonly JsonEncodedText OpenLines = JsonEncodedText.Encode("openLines");
    private static readonly JsonEncodedText Settled = JsonEncodedText.Encode("settled");
    private static readonly JsonEncodedText Closed = JsonEncodedText.Encode("closed");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, AccountingTrade value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        TradeHead(writer, value.TradeId, value.Economics, value.AssetClass, value.Notional, options);
        writer.WriteNumber(AccruedInterest, value.AccruedInterest);
        Array(writer, OpenLines, value.OpenLines, options);
        writer.WriteBoolean(Settled, value.Settled);
        writer.WriteBoolean(Closed, value.Closed);
        writer.WriteEndObject();
    }
}
