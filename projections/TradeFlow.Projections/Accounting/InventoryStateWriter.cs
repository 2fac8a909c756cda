using System.Text.Json;
using TradeFlow.Projections.Runtime.StateJson;

namespace TradeFlow.Projections.Accounting;

/// <summary>
/// Writes an inventory as the serializer writes its <see cref="InventoryRow"/>, straight from the inventory's inline
/// movements (<see cref="InventoryMovement"/>) and flushing between them: no record per movement is made for a state
/// hash. Member by member as the serializer writes a row and its <see cref="Movement"/>s (declaration order, camelCase,
/// values through the options' converters); a property test compares whole documents with the serializer's.
/// </summary>
internal sealed class InventoryStateWriter : StateRowConverter<InventoryRow>
{
    private static readonly JsonEncodedText Book = JsonEncodedText.Encode("book");
    private static readonly JsonEncodedText Instrument = JsonEncodedText.Encode("instrument");
    private static readonly JsonEncodedText Currency = JsonEncodedText.Encode("currency");
    private static readonly JsonEncodedText Method = JsonEncodedText.Encode("method");
    private static readonly JsonEncodedText Movements = JsonEncodedText.Encode("movements");
    private static readonly JsonEncodedText Cost = JsonEncodedText.Encode("cost");
    private static readonly JsonEncodedText Realised = JsonEncodedText.Encode("realised");
    private static readonly JsonEncodedText TradeId = JsonEncodedText.Encode("tradeId");
    private static readonly JsonEncodedText Side = JsonEncodedText.Encode("side");
    private static readonly JsonEncodedText Quantity = JsonEncodedText.Encode("quantity");
    private static readonly JsonEncodedText Consideration = JsonEncodedText.Encode("consideration");

    private InventoryStateWriter()
    {
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, InventoryRow value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Inventory rows are written from the inventory (WriteRow), never registered as a converter.");

    /// <summary>Writes <paramref name="inventory"/>'s row, flushing to the writer's stream past <paramref name="flushThreshold"/> pending bytes.</summary>
    public static void WriteRow(Utf8JsonWriter writer, Inventory inventory, JsonSerializerOptions options, int flushThreshold)
    {
        writer.WriteStartObject();
        Value(writer, Book, inventory.Book, options);
        Value(writer, Instrument, inventory.Instrument, options);
        Value(writer, Currency, inventory.Currency, options);
        Value(writer, Method, inventory.Method, options);
        writer.WriteStartArray(Movements);
        for (var i = 0; i < inventory.MovementCount; i++)
        {
            ref readonly var m = ref inventory.MovementAt(i);
            writer.WriteStartObject();
            Value(writer, TradeId, m.TradeId, options);
            Value(writer, Side, m.Side, options);
            writer.WriteNumber(Quantity, m.Quantity);
            writer.WriteNumber(Consideration, m.Consideration);
            writer.WriteEndObject();
            if (writer.BytesPending > flushThreshold)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
        writer.WriteNumber(Cost, inventory.Cost);
        writer.WriteNumber(Realised, inventory.Realised);
        writer.WriteEndObject();
    }
}
