using System.Text.Json;
using System.Text.Json.Serialization;
using TradeFlow.EventSourcing;

namespace TradeFlow.Projections.Runtime;

/// <summary>Writes a <see cref="GlobalPosition"/> as its number, so state documents quote the event that made each row.</summary>
public sealed class GlobalPositionJsonConverter : JsonConverter<GlobalPosition>
{
    /// <inheritdoc />
    public override GlobalPosition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        GlobalPosition.FromInt64(reader.GetInt64());

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, GlobalPosition value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Value);
    }
}
