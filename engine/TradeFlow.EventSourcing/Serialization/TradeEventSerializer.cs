using System.Buffers;
using TradeFlow.Domain.Serialization;

namespace TradeFlow.EventSourcing.Serialization;

/// <summary>
/// The store's view of the domain's event registry: stable type names and schema versions
/// (<c>TradeBooked</c> v1), System.Text.Json source-generated payloads, and upcasting of old schema
/// versions on read (a <c>TradeCancelled</c> v1 reads as v2), so stored events are never rewritten.
/// </summary>
public sealed class TradeEventSerializer : IEventSerializer
{
    /// <summary>The one instance; the domain serializer it wraps is stateless.</summary>
    public static TradeEventSerializer Instance { get; } = new();

    private TradeEventSerializer()
    {
    }

    /// <inheritdoc />
    public (string Type, int SchemaVersion) Serialize(object evt, IBufferWriter<byte> payload) =>
        DomainEventSerializer.Instance.Serialize(evt, payload);

    /// <inheritdoc />
    public object Deserialize(string type, int schemaVersion, ReadOnlySpan<byte> payload) =>
        DomainEventSerializer.Instance.Deserialize(type, schemaVersion, payload);
}
