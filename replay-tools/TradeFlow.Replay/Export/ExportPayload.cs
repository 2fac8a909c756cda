using System.Text.Json;

namespace TradeFlow.Replay.Export;

/// <summary>Whether a payload is a JSON document (the domain's serializer writes JSON; other writers may not).</summary>
internal static class ExportPayload
{
    public static bool IsJson(ReadOnlySpan<byte> payload)
    {
        var trimmed = payload.TrimStart(" \t\r\n"u8);
        if (trimmed.IsEmpty || (trimmed[0] != (byte)'{' && trimmed[0] != (byte)'['))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(payload);
            reader.Read();
            reader.Skip();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
