using System.Text.Json;
using TradeFlow.Projections.Settlement;

namespace TradeFlow.Projections.Runtime.StateJson;

/// <summary>Writes settlement's per-trade row as the serializer does.</summary>
internal sealed class SettlementTradeStateConverter : StateRowConverter<SettlementTrade>
{
    private static readonly JsonEncodedText AccruedInterest = JsonEncodedText.Encode("accruedInterest");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText Attempt = JsonEncodedText.Encode("attempt");
    private static readonly JsonEncodedText InstructedAccounts = JsonEncodedText.Encode("instructedAccounts");
    private static readonly JsonEncodedText FailReason = JsonEncodedText.Encode("failReason");
    private static readonly JsonEncodedText FailedAt = JsonEncodedText.Encode("failedAt");
    private static readonly JsonEncodedText SettledOn = JsonEncodedText.Encode("settledOn");
    private static readonly JsonEncodedText Position = JsonEncodedText.Encode("position");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SettlementTrade value, JsonSerializerOptions options) =>
        WriteRow(writer, value, options);

    /// <summary>Writes a row from either the public record or the fold's in-place state: the same bytes for the same values.</summary>
    internal static void WriteRow<TRow>(Utf8JsonWriter writer, TRow value, JsonSerializerOptions options)
        where TRow : ISettlementRow
    {
        writer.WriteStartObject();
        TradeHead(writer, value.TradeId, value.Economics, value.AssetClass, value.Notional, options);
        writer.WriteNumber(AccruedInterest, value.AccruedInterest);
        Value(writer, Status, value.Status, options);
        writer.WriteNumber(Attempt, value.Attempt);
        Array(writer, InstructedAccounts, value.InstructedAccounts, options);
        Text(writer, FailReason, value.FailReason);
        Optional(writer, FailedAt, value.FailedAt, options);
        Optional(writer, SettledOn, value.SettledOn, options);
        writer.WriteNumber(Position, value.Position);
        writer.WriteEndObject();
    }
}
