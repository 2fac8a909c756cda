using System.Collections.Immutable;
using System.Text.Json;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Runtime.StateJson;

namespace TradeFlow.Projections.Accounting;

/// <summary>
/// Writes accounting's per-trade state row straight from the fold's <see cref="AccountingTradeState"/>, its open lines
/// one by one from their compact form: exactly the bytes the serializer writes for the state's
/// <see cref="AccountingTradeState.ToTrade"/> snapshot, without making that snapshot or an array of its lines per trade
/// (a state hash writes every trade). Only the shared row helpers are used from the base; nothing reads through it.
/// </summary>
internal sealed class AccountingTradeRowWriter : StateRowConverter<AccountingTradeState>
{
    private static readonly JsonEncodedText AccruedInterest = JsonEncodedText.Encode("accruedInterest");
    private static readonly JsonEncodedText OpenLines = JsonEncodedText.Encode("openLines");
    private static readonly JsonEncodedText Settled = JsonEncodedText.Encode("settled");
    private static readonly JsonEncodedText Closed = JsonEncodedText.Encode("closed");

    private AccountingTradeRowWriter()
    {
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, AccountingTradeState value, JsonSerializerOptions options) =>
        WriteRow(writer, value, options);

    /// <summary>Writes <paramref name="value"/>'s row as one JSON object.</summary>
    public static void WriteRow(Utf8JsonWriter writer, AccountingTradeState value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        TradeHead(writer, value.TradeId, value.Economics, value.AssetClass, value.Notional, options);
        writer.WriteNumber(AccruedInterest, value.AccruedInterest);
        writer.WritePropertyName(OpenLines);
        if (value.OpenLinesAreDefault)
        {
            // Whatever the serializer makes of an uninitialised array, as the record's writer does.
            JsonSerializer.Serialize(writer, default(ImmutableArray<PostingLine>), ProjectionJson.Options);
        }
        else
        {
            writer.WriteStartArray();
            for (var i = 0; i < value.OpenLineCount; i++)
            {
                PostingLineStateConverter.WriteLine(writer, value.OpenLine(i), options);
            }

            writer.WriteEndArray();
        }

        writer.WriteBoolean(Settled, value.Settled);
        writer.WriteBoolean(Closed, value.Closed);
        writer.WriteEndObject();
    }
}
