using System.Globalization;
using System.Text;
using TradeFlow.EventSourcing;

namespace TradeFlow.Replay.Export;

/// <summary>
/// RFC 4180 CSV, one row per envelope: every field of the envelope, the payload as its JSON text (or base64 when it is
/// not JSON, flagged in <c>payload_encoding</c>), the metadata as base64. Fields with commas, quotes or line breaks are quoted.
/// </summary>
internal sealed class CsvExportWriter(TextWriter output) : IEventExportWriter
{
    private readonly StringBuilder _line = new(1024);

    public void Begin() => output.WriteLine("position,stream,stream_version,event_id,type,schema_version,recorded_time,effective_time,correlation_id,causation_id,source,actor,payload_encoding,payload,metadata_base64");

    public void Write(RecordedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var json = ExportPayload.IsJson(e.Payload.Span);
        _line.Clear();
        Field(e.Position.Value.ToString(CultureInfo.InvariantCulture)).Append(',');
        Field(e.StreamId).Append(',');
        Field(e.StreamVersion.ToString(CultureInfo.InvariantCulture)).Append(',');
        Field(e.EventId.ToString()).Append(',');
        Field(e.Type).Append(',');
        Field(e.SchemaVersion.ToString(CultureInfo.InvariantCulture)).Append(',');
        Field(e.RecordedTime.ToString("O", CultureInfo.InvariantCulture)).Append(',');
        Field(e.EffectiveTime.ToString("O", CultureInfo.InvariantCulture)).Append(',');
        Field(e.CorrelationId.ToString()).Append(',');
        Field(e.CausationId.ToString()).Append(',');
        Field(e.Source).Append(',');
        Field(e.Actor).Append(',');
        Field(json ? "json" : "base64").Append(',');
        Field(json ? Encoding.UTF8.GetString(e.Payload.Span) : Convert.ToBase64String(e.Payload.Span)).Append(',');
        Field(e.Metadata.IsEmpty ? string.Empty : Convert.ToBase64String(e.Metadata.Span));
        output.WriteLine(_line);
    }

    private StringBuilder Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return _line;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return _line.Append(value);
        }

        return _line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
