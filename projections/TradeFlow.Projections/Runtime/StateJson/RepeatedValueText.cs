using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Runtime.StateJson;

/// <summary>
/// The JSON text of values that repeat across trades (books, counterparties, instruments, traders, currencies, dates,
/// enums), written once by the options' own converter and then copied: a state hash writes 200,000 trades'
/// economics three times and a replay spills a million posting lines, and each id went through its converter every
/// time (formatted to chars, transcoded, scanned for escapes) although a book or a counterparty has a handful of values.
/// </summary>
/// <remarks>
/// The cached bytes are exactly what the converter wrote (quotes and escaping under the options' encoder included), so
/// the document cannot differ; a property test compares them with the converter on random values. Thread-safe: the
/// three projections' hashes run in parallel. Bounded: past <see cref="Capacity"/> distinct values a type falls back to
/// its converter, so a type that does not repeat after all costs a lookup, never unbounded memory.
/// </remarks>
/// <typeparam name="T">The value type.</typeparam>
internal static class RepeatedValueText<T>
    where T : notnull
{
    /// <summary>Distinct values kept per type.</summary>
    public const int Capacity = 4096;

    /// <summary>True for the value types whose values repeat across trades; the JIT folds the test away per type.</summary>
    public static readonly bool Applies =
        typeof(T) == typeof(BookId) || typeof(T) == typeof(CounterpartyId) || typeof(T) == typeof(InstrumentId)
        || typeof(T) == typeof(TraderId) || typeof(T) == typeof(Currency) || typeof(T) == typeof(BusinessDate)
        || typeof(T).IsEnum;

    private static readonly ConcurrentDictionary<T, byte[]> Texts = new();
    private static readonly JsonConverter<T> Converter = (JsonConverter<T>)ProjectionJson.Options.GetConverter(typeof(T));

    /// <summary>Writes <paramref name="value"/> as the converter of <see cref="ProjectionJson.Options"/> would, after a property name.</summary>
    public static void WriteValue(Utf8JsonWriter writer, T value)
    {
        if (!Texts.TryGetValue(value, out var text))
        {
            if (Texts.Count >= Capacity)
            {
                Converter.Write(writer, value, ProjectionJson.Options);
                return;
            }

            text = Texts.GetOrAdd(value, Encode(value));
        }

        writer.WriteRawValue(text, skipInputValidation: true);
    }

    /// <summary>The converter's bytes for one value, written alone under the options' encoder.</summary>
    internal static byte[] Encode(T value)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ProjectionJson.Options.Encoder }))
        {
            Converter.Write(writer, value, ProjectionJson.Options);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
