using System.Text.Json;
using TradeFlow.Projections.Accounting;

namespace TradeFlow.Projections.Runtime.StateJson;

/// <summary>
/// Writes an inventory as the serializer writes its <see cref="InventoryRow"/>, straight from the inventory and flushing
/// between movements: a position holds a movement per trade booked into it, and one row serialized whole grew the
/// writer's buffer to the row's size (megabytes at 1M events, garbage after every hash) besides the row's own copy.
/// </summary>
internal sealed class InventoryRowStateWriter : StateRowConverter<InventoryRow>
{
    private static readonly JsonEncodedText Book = JsonEncodedText.Encode("book");
    private static readonly JsonEncodedText Instrument = JsonEncodedText.Encode("instrument");
    private static readonly JsonEncodedText Currency = JsonEncodedText.Encode("currency");
    private static readonly JsonEncodedText Method = JsonEncodedText.Encode("method");
    private static readonly JsonEncodedText Movements = JsonEncodedText.Encode("movements");
    private static readonly JsonEncodedText Cost = JsonEncodedText.Encode("cost");
    private static readonly JsonEncodedText Realised = JsonEncodedText.Encode("realised");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, InventoryRow value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Inventory rows are written from the inventory (WriteRow), never registered as a converter.");

    /// <summary>Writes <paramref name="inventory"/>'s row, flushing to the writer's stream past <paramref name="flushThreshold"/> pending bytes.</summary>
    public static void WriteRow(Utf8JsonWriter writer, Inventory inventory, JsonSerializerOptions options, int flushThreshold)
    {
        var movement = (MovementStateConverter)options.GetConverter(typeof(Movement));
        writer.WriteStartObject();
        Value(writer, Book, inventory.Book, options);
        Value(writer, Instrument, inventory.Instrument, options);
        Value(writer, Currency, inventory.Currency, options);
        Value(writer, Method, inventory.Method, options);
        writer.WriteStartArray(Movements);
        foreach (var m in inventory.Movements)
        {
            movement.Write(writer, m, options);
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
