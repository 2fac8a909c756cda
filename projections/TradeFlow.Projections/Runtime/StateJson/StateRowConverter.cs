using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Runtime.StateJson;

/// <summary>
/// Base of the hand-written writers of the per-trade rows of state documents. Write only: they live in
/// <see cref="ProjectionStateJson.WriteOptions"/>, which only ever writes (state hashes, snapshots); every read goes
/// through <see cref="ProjectionJson.Options"/>, untouched. Each writer must produce exactly the bytes the
/// serializer's own object converter produces (declaration order, camelCase, nulls omitted, values through the
/// options' converters) — a property test compares whole documents on random histories.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
internal abstract class StateRowConverter<T> : JsonConverter<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException($"{typeof(T).Name} state rows are read with ProjectionJson.Options, not the write-only state options.");

    private static readonly JsonEncodedText TradeIdName = JsonEncodedText.Encode("tradeId");
    private static readonly JsonEncodedText EconomicsName = JsonEncodedText.Encode("economics");
    private static readonly JsonEncodedText AssetClassName = JsonEncodedText.Encode("assetClass");
    private static readonly JsonEncodedText NotionalName = JsonEncodedText.Encode("notional");

    /// <summary>The four members every projection's per-trade row starts with, in their declaration order.</summary>
    protected static void TradeHead(Utf8JsonWriter writer, TradeId tradeId, TradeEconomics economics, AssetClass assetClass, Money notional,
        JsonSerializerOptions options)
    {
        Value(writer, TradeIdName, tradeId, options);
        Value(writer, EconomicsName, economics, options);
        Value(writer, AssetClassName, assetClass, options);
        Value(writer, NotionalName, notional, options);
    }

    /// <summary>
    /// Writes a member through the write options' converter for its type (the read options' own for values); a value that
    /// repeats across trades (<see cref="RepeatedValueText{T}"/>) as the bytes that converter wrote for it the first time.
    /// </summary>
    protected static void Value<TValue>(Utf8JsonWriter writer, JsonEncodedText name, TValue value, JsonSerializerOptions options)
        where TValue : notnull
    {
        writer.WritePropertyName(name);
        if (RepeatedValueText<TValue>.Applies)
        {
            RepeatedValueText<TValue>.WriteValue(writer, value);
            return;
        }

        Converter<TValue>.Instance.Write(writer, value, options);
    }

    /// <summary>Writes a nullable member, or nothing when it is null (DefaultIgnoreCondition = WhenWritingNull).</summary>
    protected static void Optional<TValue>(Utf8JsonWriter writer, JsonEncodedText name, TValue? value, JsonSerializerOptions options)
        where TValue : struct
    {
        if (value is { } present)
        {
            Value(writer, name, present, options);
        }
    }

    /// <summary>Writes a string member, or nothing when it is null.</summary>
    protected static void Text(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes an array member element by element through the converter for <typeparamref name="TItem"/>.</summary>
    protected static void Array<TItem>(Utf8JsonWriter writer, JsonEncodedText name, ImmutableArray<TItem> items, JsonSerializerOptions options)
    {
        writer.WritePropertyName(name);
        if (items.IsDefault)
        {
            // Whatever the serializer makes of an uninitialised array, the same here.
            JsonSerializer.Serialize(writer, items, ProjectionJson.Options);
            return;
        }

        var converter = Converter<TItem>.Instance;
        writer.WriteStartArray();
        foreach (var item in items)
        {
            converter.Write(writer, item, options);
        }

        writer.WriteEndArray();
    }

    // Resolved once per type from the write options: a row nested in a row (economics, lines, accounts) gets its own
    // writer, a value (ids, money, dates, enums) the very converter instance the read options hold.
    private static class Converter<TValue>
    {
        public static readonly JsonConverter<TValue> Instance = (JsonConverter<TValue>)ProjectionStateJson.WriteOptions.GetConverter(typeof(TValue));
    }
}
