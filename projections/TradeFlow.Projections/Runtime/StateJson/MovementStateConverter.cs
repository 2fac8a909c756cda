using System.Text.Json;
using TradeFlow.Projections.Accounting;

namespace TradeFlow.Projections.Runtime.StateJson;

/// <summary>Writes an inventory <see cref="Movement"/> (one per trade in a book's inventory) as the serializer does.</summary>
internal sealed class MovementStateConverter : StateRowConverter<Movement>
{
    private static readonly JsonEncodedText TradeId = JsonEncodedText.Encode("tradeId");
    private static readonly JsonEncodedText Side = JsonEncodedText.Encode("side");
    private static readonly JsonEncodedText Quantity = JsonEncodedText.Encode("quantity");
    private static readonly JsonEncodedText Consideration = JsonEncodedText.Encode("consideration");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Movement value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        Value(writer, TradeId, value.TradeId, options);
        Value(writer, Side, value.Side, options);
        writer.WriteNumber(Quantity, value.Quantity);
        writer.WriteNumber(Consideration, value.Consideration);
        writer.WriteEndObject();
    }
}
