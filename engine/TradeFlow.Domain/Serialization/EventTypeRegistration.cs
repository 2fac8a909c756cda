using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TradeFlow.Domain.Events;

namespace TradeFlow.Domain.Serialization;

/// <summary>Reads one stored (name, version) payload into the current event type, upcasting when needed.</summary>
internal delegate ITradeEvent EventReader(ReadOnlySpan<byte> utf8);

/// <summary>One event type's stable name and current schema version, and how to write and read it.</summary>
internal sealed class EventTypeRegistration
{
    private EventTypeRegistration(Type clrType, string name, int version, Action<Utf8JsonWriter, ITradeEvent> write,
        EventReader read)
    {
        ClrType = clrType;
        Name = name;
        Version = version;
        Write = write;
        Read = read;
    }

    public Type ClrType { get; }

    public string Name { get; }

    public int Version { get; }

    public Action<Utf8JsonWriter, ITradeEvent> Write { get; }

    public EventReader Read { get; }

    public static EventTypeRegistration Create<T>(string name, int version, JsonTypeInfo<T> info)
        where T : class, ITradeEvent =>
        new(typeof(T), name, version, (writer, evt) => JsonSerializer.Serialize(writer, (T)evt, info), Reader(name, version, info));

    /// <summary>A registration whose writer is <paramref name="fastWrite"/> when it accepts the event, the generated path otherwise.</summary>
    public static EventTypeRegistration Create<T>(string name, int version, JsonTypeInfo<T> info, Func<Utf8JsonWriter, T, bool> fastWrite)
        where T : class, ITradeEvent =>
        new(typeof(T), name, version, (writer, evt) =>
        {
            if (!fastWrite(writer, (T)evt))
            {
                JsonSerializer.Serialize(writer, (T)evt, info);
            }
        }, Reader(name, version, info));

    private static EventReader Reader<T>(string name, int version, JsonTypeInfo<T> info)
        where T : class, ITradeEvent =>
        FastEventReaders.Wrap<T>(utf8 => JsonSerializer.Deserialize(utf8, info) ?? throw new JsonException($"{name}.v{version} payload is null."));
}
