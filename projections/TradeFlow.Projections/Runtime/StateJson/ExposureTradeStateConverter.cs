using System.Text.Json;
using TradeFlow.Projections.Exposure;

namespace TradeFlow.Projections.Runtime.StateJson;

/// <summary>Writes exposure's per-trade row as the serializer does.</summary>
internal sealed class ExposureTradeStateConverter : StateRowConverter<ExposureTrade>
{
    private static readonly JsonEncodedText RecordedContribution = JsonEncodedText.Encode("recordedContribution");
    private static readonly JsonEncodedText Settled = JsonEncodedText.Encode("settled");
    private static readonly JsonEncodedText Matured = JsonEncodedText.Encode("matured");
    private static readonly JsonEncodedText Closed = JsonEncodedText.Encode("closed");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ExposureTrade value, JsonSerializerOptions options) => WriteRow(writer, value, options);

    /// <summary>Writes a row from either the public record or the fold's in-place state: the same bytes for the same values.</summary>
    internal static void WriteRow<TRow>(Utf8JsonWriter writer, TRow value, JsonSerializerOptions options)
        where TRow : IExposureRow
    {
        writer.WriteStartObject();
        TradeHead(writer, value.TradeId, value.Economics, value.AssetClass, value.Notional, options);
        Optional(writer, RecordedContribution, value.RecordedContribution, options);
        writer.WriteBoolean(Settled, value.Settled);
        writer.WriteBoolean(Matured, value.Matured);
        writer.WriteBoolean(Closed, value.Closed);
        writer.WriteEndObject();
    }
}
