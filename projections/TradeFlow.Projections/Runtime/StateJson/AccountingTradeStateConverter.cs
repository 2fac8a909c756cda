using System.Text.Json;
using TradeFlow.Projections.Accounting;

namespace TradeFlow.Projections.Runtime.StateJson;

/// <summary>Writes accounting's per-trade row as the serializer does.</summary>
internal sealed class AccountingTradeStateConverter : StateRowConverter<AccountingTrade>
{
    private static readonly JsonEncodedText TradeId = JsonEncodedText.Encode("tradeId");
    private static readonly JsonEncodedText Economics = JsonEncodedText.Encode("economics");
    private static readonly JsonEncodedText AssetClass = JsonEncodedText.Encode("assetClass");
    private static readonly JsonEncodedText Notional = JsonEncodedText.Encode("notional");
    private static readonly JsonEncodedText AccruedInterest = JsonEncodedText.Encode("accruedInterest");
    private static readonly JsonEncodedText OpenLines = JsonEncodedText.Encode("openLines");
    private static readonly JsonEncodedText Settled = JsonEncodedText.Encode("settled");
    private static readonly JsonEncodedText Closed = JsonEncodedText.Encode("closed");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, AccountingTrade value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        Value(writer, TradeId, value.TradeId, options);
        Value(writer, Economics, value.Economics, options);
        Value(writer, AssetClass, value.AssetClass, options);
        Value(writer, Notional, value.Notional, options);
        writer.WriteNumber(AccruedInterest, value.AccruedInterest);
        Array(writer, OpenLines, value.OpenLines, options);
        writer.WriteBoolean(Settled, value.Settled);
        writer.WriteBoolean(Closed, value.Closed);
        writer.WriteEndObject();
    }
}
