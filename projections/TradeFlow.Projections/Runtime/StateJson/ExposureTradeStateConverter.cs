using System.Text.Json;
using TradeFlow.Projections.Exposure;

namespace TradeFlow.Projections.Runtime.StateJson;

/// <summary>Writes exposure's per-trade row as the serializer does.</summary>
internal sealed class ExposureTradeStateConverter : StateRowConverter<ExposureTrade>
{
    private static readonly JsonEncodedText TradeId = JsonEncodedText.Encode("tradeId");
    private static readonly JsonEncodedText Economics = JsonEncodedText.Encode("economics");
    private static readonly JsonEncodedText AssetClass = JsonEncodedText.Encode("assetClass");
    private static readonly JsonEncodedText Notional = JsonEncodedText.Encode("notional");
    private static readonly JsonEncodedText RecordedContribution = JsonEncodedText.Encode("recordedContribution");
    private static readonly JsonEncodedText Settled = JsonEncodedText.Encode("settled");
    private static readonly JsonEncodedText Matured = JsonEncodedText.Encode("matured");
    private static readonly JsonEncodedText Closed = JsonEncodedText.Encode("closed");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ExposureTrade value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        Value(writer, TradeId, value.TradeId, options);
        Value(writer, Economics, value.Economics, options);
        Value(writer, AssetClass, value.AssetClass, options);
        Value(writer, Notional, value.Notional, options);
        Optional(writer, RecordedContribution, value.RecordedContribution, options);
        writer.WriteBoolean(Settled, value.Settled);
        writer.WriteBoolean(Matured, value.Matured);
        writer.WriteBoolean(Closed, value.Closed);
        writer.WriteEndObject();
    }
}
