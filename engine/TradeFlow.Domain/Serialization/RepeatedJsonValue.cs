using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// The JSON bytes of event values that repeat from trade to trade (books, counterparties' LEIs, instruments, traders,
/// business dates), written once by the context's own converter and then copied. The journal thread wrote every
/// booking's ids through their converters (formatted to chars, transcoded to UTF-8, scanned for escapes) although a
/// book or a counterparty has a handful of values; copying the bytes is one hash lookup and a memcpy.
/// </summary>
/// <remarks>
/// The cached bytes are exactly what the converter wrote (quotes and escaping under the default encoder, which is
/// the one the serializer's writer uses), so the payload cannot differ; a property test compares whole events with
/// the generated serializer on random values. Thread-safe (events are serialized on any thread). Bounded: past
/// <see cref="Capacity"/> distinct values a type falls back to its converter, so a type that does not repeat after
/// all costs a lookup, never unbounded memory. Same model as the projections' <c>RepeatedValueText</c>.
/// </remarks>
/// <typeparam name="T">The value type.</typeparam>
internal static class RepeatedJsonValue<T>
    where T : struct, IEquatable<T>
{
    /// <summary>Distinct values kept per type.</summary>
    public const int Capacity = 4096;

    private static readonly ConcurrentDictionary<T, byte[]> Texts = new();
    private static readonly JsonConverter<T> Converter =
        (JsonConverter<T>)DomainJsonContext.Default.Options.GetConverter(typeof(T));

    /// <summary>How many distinct values are cached (tests).</summary>
    internal static int Count => Texts.Count;

    /// <summary>Writes <paramref name="value"/> as the context's converter would, after a property name.</summary>
    public static void Write(Utf8JsonWriter writer, T value)
    {
        if (!Texts.TryGetValue(value, out var text))
        {
            if (Texts.Count >= Capacity)
            {
                Converter.Write(writer, value, DomainJsonContext.Default.Options);
                return;
            }

            text = Texts.GetOrAdd(value, Encode(value));
        }

        writer.WriteRawValue(text, skipInputValidation: true);
    }

    /// <summary>The converter's bytes for one value, written alone by a writer with the serializer's options.</summary>
    internal static byte[] Encode(T value)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Converter.Write(writer, value, DomainJsonContext.Default.Options);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
