using System.Collections.Immutable;
using System.Text.Json;
using TradeFlow.Domain.Trades;

namespace TradeFlow.Benchmarks.Engine;

/// <summary>
/// <c>EventMetadata.Write</c> as it was at engine9's merge (main 15be506), verbatim but for the name: every property
/// through <see cref="Utf8JsonWriter"/>. The "before" of <see cref="MetadataWriterBenchmarks"/>.
/// </summary>
internal static class EngineNineMetadataWriter
{
    private static readonly JsonEncodedText SourceKeyName = JsonEncodedText.Encode("sourceKey");
    private static readonly JsonEncodedText CommandName = JsonEncodedText.Encode("command");
    private static readonly JsonEncodedText IndexName = JsonEncodedText.Encode("index");
    private static readonly JsonEncodedText WarningsName = JsonEncodedText.Encode("warnings");
    private static readonly JsonEncodedText[] KindNames = BuildKindNames();

    /// <summary>Writes the metadata through the writer, as engine9 did.</summary>
    public static void Write(Utf8JsonWriter writer, string sourceKey, TradeCommandKind kind, int index,
        ImmutableArray<string> warnings)
    {
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
