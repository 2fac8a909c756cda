using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// The JSON bytes of values that repeat (books, counterparties' LEIs, instruments, traders, currencies, business dates,
/// enums), written once by the options' own converter and then copied: one hash lookup and a memcpy instead of the
/// converter's formatting, UTF-8 transcoding and escaping scan on every write. Used by the journal's booking writer
/// and the projections' state writers, each with its own options.
/// </summary>
/// <remarks>
/// The cached bytes are exactly what the converter wrote alone under the options' encoder, so the output cannot
/// differ from the converter's. Thread-safe. Bounded: past <see cref="Capacity"/> distinct values it writes through
/// the converter, so a type that does not repeat after all costs a lookup (and a count, until the cache is full), never unbounded
/// memory.
/// </remarks>
/// <typeparam name="T">The value type.</typeparam>
public sealed class RepeatedJsonValues<T>
    where T : notnull
{
    /// <summary>Distinct values kept by default.</summary>
    public const int DefaultCapacity = 4096;

    private readonly ConcurrentDictionary<T, byte[]> _texts = new();
    private readonly JsonSerializerOptions _options;
    private readonly JsonConverter<T> _converter;

    // Set once the cache holds Capacity values. ConcurrentDictionary.Count takes every one of its locks, so it is
    // asked only until then, never on each miss of a full cache (a type that stopped repeating).
    private bool _full;

    /// <summary>Creates an empty cache for the converter <paramref name="options"/> give <typeparamref name="T"/>.</summary>
    public RepeatedJsonValues(JsonSerializerOptions options, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _converter = (JsonConverter<T>)options.GetConverter(typeof(T));
        Capacity = capacity;
    }

    /// <summary>Distinct values kept; past it, values are written by the converter.</summary>
    public int Capacity { get; }

    /// <summary>How many distinct values are cached.</summary>
    public int Count => _texts.Count;

    /// <summary>Writes <paramref name="value"/> as the converter would, as a value (after a property name or in an array).</summary>
    public void Write(Utf8JsonWriter writer, T value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!_texts.TryGetValue(value, out var text))
        {
            if (IsFull())
            {
                _converter.Write(writer, value, _options);
                return;
            }

            text = _texts.GetOrAdd(value, Encode(value));
        }

        writer.WriteRawValue(text, skipInputValidation: true);
    }

    /// <summary>
    /// The converter's bytes for <paramref name="value"/> (cached as <see cref="Write"/> caches them), or false when the
    /// cache is full and does not hold it: the caller then writes it through the converter.
    /// </summary>
    public bool TryGetText(T value, out byte[] text)
    {
        if (_texts.TryGetValue(value, out text!))
        {
            return true;
        }

        if (IsFull())
        {
            return false;
        }

        text = _texts.GetOrAdd(value, Encode(value));
        return true;
    }

    private bool IsFull()
    {
        if (Volatile.Read(ref _full))
        {
            return true;
        }

        if (_texts.Count < Capacity)
        {
            return false;
        }

        Volatile.Write(ref _full, true);
        return true;
    }

    /// <summary>The converter's bytes for one value, written alone by a writer with the options' encoder.</summary>
    public byte[] Encode(T value)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = _options.Encoder }))
        {
            _converter.Write(writer, value, _options);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
