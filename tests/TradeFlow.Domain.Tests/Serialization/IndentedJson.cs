using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TradeFlow.Domain.Tests.Serialization;

/// <summary>Pretty-prints UTF-8 JSON for snapshots (through JsonElement.WriteTo: no serializer metadata needed).</summary>
internal static class IndentedJson
{
    public static string Format(byte[] utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
               {
                   Indented = true,
                   Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
               }))
        {
            document.RootElement.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
