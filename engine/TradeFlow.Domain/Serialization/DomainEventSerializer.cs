using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using TradeFlow.Domain.Events;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// UTF-8 JSON (de)serialization of domain events through the source-generated
/// <see cref="DomainJsonContext"/>. The method shapes match the event store's serializer contract
/// (type name + schema version + payload bytes), so plugging it in is a thin adapter. Thread-safe:
/// each thread reuses its own <see cref="Utf8JsonWriter"/>, so a steady journal thread does not
/// allocate a writer per event.
/// </summary>
[SuppressMessage("Performance", "CA1822:Mark members as static",
    Justification = "An instance API, so it can be injected and adapted to the event store's IEventSerializer.")]
public sealed class DomainEventSerializer
{
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The shared instance (the serializer holds no state of its own).</summary>
    public static DomainEventSerializer Instance { get; } = new();

    /// <summary>Writes <paramref name="evt"/> as UTF-8 JSON to <paramref name="output"/>.</summary>
    /// <returns>The stable type name and schema version to store beside the payload.</returns>
    /// <exception cref="ArgumentException">Not a registered domain event.</exception>
    public (string TypeName, int SchemaVersion) Serialize(ITradeEvent evt, IBufferWriter<byte> output) =>
        Serialize((object)evt, output);

    /// <summary>Writes a domain event given as <see cref="object"/> (the event store contract's shape).</summary>
    /// <exception cref="ArgumentException">Not a registered domain event.</exception>
    public (string TypeName, int SchemaVersion) Serialize(object evt, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var registration = DomainEventRegistry.Lookup(evt);
        if (evt is TradeBooked booked && TradeBookedJsonWriter.TryWriteRaw(output, booked))
        {
            // The journal's hot event: its raw bytes go straight to the output, no writer around them.
            return (registration.Name, registration.Version);
        }

        var writer = t_writer;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(output);
            t_writer = writer;
        }
        else
        {
            writer.Reset(output);
        }

        try
        {
            registration.Write(writer, (ITradeEvent)evt);
            writer.Flush();
        }
        finally
        {
            // Drop the reference to the caller's buffer so it can be collected or reused.
            writer.Reset(NullBufferWriter.Instance);
        }

        return (registration.Name, registration.Version);
    }

    /// <summary>Serializes to a new byte array (tests, tools; the journal uses the buffer-writer overload).</summary>
    public byte[] SerializeToUtf8Bytes(ITradeEvent evt)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Serialize(evt, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a stored event, upcasting an old schema version to the current type.</summary>
    /// <exception cref="UnknownEventTypeException">No reader for the name and version.</exception>
    /// <exception cref="JsonException">The payload does not match its declared type; the message names it.</exception>
    public ITradeEvent Deserialize(string typeName, int schemaVersion, ReadOnlySpan<byte> utf8)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        if (!DomainEventRegistry.TryGetReader(typeName, schemaVersion, out var reader))
        {
            throw new UnknownEventTypeException(typeName, schemaVersion);
        }

        try
        {
            return reader(utf8);
        }
        catch (JsonException ex)
        {
            throw new JsonException($"Payload of {typeName}.v{schemaVersion} is invalid: {ex.Message}", ex);
        }
    }

    /// <summary>Reads a stored event as <see cref="object"/> (the event store contract's shape).</summary>
    public object DeserializeObject(string typeName, int schemaVersion, ReadOnlySpan<byte> utf8) =>
        Deserialize(typeName, schemaVersion, utf8);

    private sealed class NullBufferWriter : IBufferWriter<byte>
    {
        public static readonly NullBufferWriter Instance = new();

        public void Advance(int count)
        {
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => Memory<byte>.Empty;

        public Span<byte> GetSpan(int sizeHint = 0) => Span<byte>.Empty;
    }
}
