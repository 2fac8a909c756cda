using System.Buffers;
using System.Text;
using System.Text.Json;
using TradeFlow.EventSourcing;

namespace TradeFlow.Replay.Export;

/// <summary>
/// One JSON object per line with every envelope field; a JSON payload is embedded as JSON (so a warehouse can query
/// it), any other payload as base64. The exact stored bytes stay recoverable either way.
/// </summary>
internal sealed class JsonLinesExportWriter(TextWriter output) : IEventExportWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    public void Begin()
    {
    }

    public void Write(RecordedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("position", e.Position.Value);
            json.WriteString("stream", e.StreamId);
            json.WriteNumber("streamVersion", e.StreamVersion);
            json.WriteString("eventId", e.EventId);
            json.WriteString("type", e.Type);
            json.WriteNumber("schemaVersion", e.SchemaVersion);
            json.WriteString("recordedTime", e.RecordedTime);
            json.WriteString("effectiveTime", e.EffectiveTime);
            json.WriteString("correlationId", e.CorrelationId);
            json.WriteString("causationId", e.CausationId);
            WriteOptional(json, "source", e.Source);
            WriteOptional(json, "actor", e.Actor);
            WritePayload(json, e.Payload.Span);
            if (!e.Metadata.IsEmpty)
            {
                json.WriteBase64String("metadata", e.Metadata.Span);
            }

            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(_buffer.WrittenSpan));
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WritePayload(Utf8JsonWriter json, ReadOnlySpan<byte> payload)
    {
        if (ExportPayload.IsJson(payload))
        {
            json.WritePropertyName("payload");
            json.WriteRawValue(payload, skipInputValidation: false);
        }
        else
        {
            json.WriteBase64String("payloadBase64", payload);
        }
    }
}
