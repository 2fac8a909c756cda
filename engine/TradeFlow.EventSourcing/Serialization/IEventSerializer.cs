using System.Buffers;

namespace TradeFlow.EventSourcing.Serialization;

/// <summary>
/// Turns domain events into payload bytes and back. The domain's registry implements it (stable type
/// names, schema versions); upcasting an old schema version happens inside <see cref="Deserialize"/>,
/// so stored events are never rewritten.
/// </summary>
public interface IEventSerializer
{
    /// <summary>Writes <paramref name="evt"/> to <paramref name="payload"/> and returns its stable type name and schema version.</summary>
    (string Type, int SchemaVersion) Serialize(object evt, IBufferWriter<byte> payload);

    /// <summary>Reads an event of <paramref name="type"/> at <paramref name="schemaVersion"/>, upcast to the current version.</summary>
    object Deserialize(string type, int schemaVersion, ReadOnlySpan<byte> payload);
}
