using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using TradeFlow.Domain.Serialization;
using TradeFlow.Domain.Trades;

namespace TradeFlow.Engine.Journaling;

/// <summary>
/// The engine's metadata on every event it journals, as a small JSON object:
/// <c>{"sourceKey":"FIX-A:571=T1","command":"Book","index":0,"warnings":["…"]}</c>. Recovery needs it: the
/// source key rebuilds idempotency (accepted events do not carry it in their payload), the command kind tells a
/// direct booking from an allocation child (wash-trade window), the index finds each command's first event,
/// and the warnings let a duplicate after a restart answer exactly as the original did.
/// </summary>
internal static class EventMetadata
{
    private static readonly JsonEncodedText SourceKeyName = JsonEncodedText.Encode("sourceKey");
    private static readonly JsonEncodedText CommandName = JsonEncodedText.Encode("command");
    private static readonly JsonEncodedText IndexName = JsonEncodedText.Encode("index");
    private static readonly JsonEncodedText WarningsName = JsonEncodedText.Encode("warnings");

    // Formatted once: Enum.ToString allocates.
    private static readonly JsonEncodedText[] KindNames = BuildKindNames();

    // The longest source key written as raw bytes; longer keys go through the writer (rare: FIX keys are ~20-40).
    private const int RawKeyLimit = 200;

    // {"sourceKey":" … ","command":" … ","index": … } around the key, the kind and the digits.
    private static ReadOnlySpan<byte> RawStart => "{\"sourceKey\":\""u8;
    private static ReadOnlySpan<byte> RawCommand => "\",\"command\":\""u8;
    private static ReadOnlySpan<byte> RawIndex => "\",\"index\":"u8;

    /// <summary>Writes the metadata with a reused writer (reset onto <paramref name="writer"/>'s current output).</summary>
    public static void Write(Utf8JsonWriter writer, string sourceKey, TradeCommandKind kind, int index,
        ImmutableArray<string> warnings)
    {
        // Warnings go with an event's first metadata only; without them the object is three plain members.
        if ((index != 0 || warnings.IsDefaultOrEmpty) && TryWriteRaw(writer, sourceKey, kind, index))
        {
            writer.Flush();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(SourceKeyName, sourceKey);
        var k = (int)kind;
        if ((uint)k < (uint)KindNames.Length)
        {
            writer.WriteString(CommandName, KindNames[k]);
        }

        writer.WriteNumber(IndexName, index);
        if (index == 0 && !warnings.IsDefaultOrEmpty)
        {
            writer.WriteStartArray(WarningsName);
            foreach (var warning in warnings)
            {
                writer.WriteStringValue(warning);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>
    /// The common case — no warnings, a known kind, a source key of characters the writer's default encoder never
    /// escapes — as one raw copy of the bytes the writer would produce (the journal thread wrote this object through
    /// the writer's per-property checks and a UTF-16 → UTF-8 transcoding of the key for every event). Anything else
    /// returns false having written nothing, and goes through the writer as before.
    /// </summary>
    [SkipLocalsInit]
    private static bool TryWriteRaw(Utf8JsonWriter writer, string sourceKey, TradeCommandKind kind, int index)
    {
        var k = (int)kind;
        if ((uint)k >= (uint)KindNames.Length || sourceKey.Length > RawKeyLimit)
        {
            return false;
        }

        var name = KindNames[k].EncodedUtf8Bytes;
        Span<byte> utf8 = stackalloc byte[RawKeyLimit + 96];
        RawStart.CopyTo(utf8);
        var at = RawStart.Length;
        var key = utf8.Slice(at, sourceKey.Length);
        if (Ascii.FromUtf16(sourceKey, key, out _) != OperationStatus.Done || key.ContainsAnyExcept(UnescapedAscii.Bytes))
        {
            return false;
        }

        at += key.Length;

        RawCommand.CopyTo(utf8[at..]);
        at += RawCommand.Length;
        name.CopyTo(utf8[at..]);
        at += name.Length;
        RawIndex.CopyTo(utf8[at..]);
        at += RawIndex.Length;
        index.TryFormat(utf8[at..], out var digits, default, System.Globalization.CultureInfo.InvariantCulture);
        at += digits;
        utf8[at++] = (byte)'}';
        writer.WriteRawValue(utf8[..at], skipInputValidation: true);
        return true;
    }

    /// <summary>Reads metadata written by <see cref="Write"/>; false when absent or not the engine's.</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8, out EventMetadataValues values)
    {
        values = default;
        if (utf8.IsEmpty)
        {
            return false;
        }

        var reader = new Utf8JsonReader(utf8);
        string? sourceKey = null;
        TradeCommandKind kind = default;
        var index = -1;
        var warnings = ImmutableArray<string>.Empty;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "sourceKey": sourceKey = reader.GetString(); break;
                case "command": kind = Enum.TryParse<TradeCommandKind>(reader.GetString(), out var k) ? k : default; break;
                case "index": index = reader.GetInt32(); break;
                case "warnings": warnings = ReadStrings(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        values = new EventMetadataValues(sourceKey!, kind, index, warnings);
        return sourceKey is not null && index >= 0;
    }

    private static ImmutableArray<string> ReadStrings(ref Utf8JsonReader reader)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            builder.Add(reader.GetString()!);
        }

        return builder.ToImmutable();
    }

    private static JsonEncodedText[] BuildKindNames()
    {
        var max = Enum.GetValues<TradeCommandKind>().Max(k => (int)k);
        var names = new JsonEncodedText[max + 1];
        foreach (var kind in Enum.GetValues<TradeCommandKind>())
        {
            names[(int)kind] = JsonEncodedText.Encode(kind.ToString());
        }

        return names;
    }
}
