using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Values;
using static TradeFlow.Domain.Serialization.FastJson;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// A hand-written reader for <see cref="TradeBooked"/>, the mirror of <see cref="TradeBookedJsonWriter"/>: it reads
/// the canonical bytes (the writer's property order and names, optional members omitted when null) straight into
/// the record, without the generated path's buffering of constructor arguments. Anything else answers false and is
/// read by the generated deserializer. A property test pins the equality with the generated reader.
/// </summary>
internal static class TradeBookedJsonReader
{
    /// <summary>Reads a canonical payload, or returns false for the generated path to read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryRead(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out TradeBooked? booked)
    {
        booked = null;
        var reader = new Utf8JsonReader(utf8);
        if (!EventJsonValues.Header(ref reader, out var id, out var effectiveTime)
            || !Property(ref reader, "economics"u8) || !EventJsonValues.Economics(ref reader, out var economics)
            || !Property(ref reader, "assetClass"u8) || !EventJsonValues.AssetClass(ref reader, out var assetClass)
            || !Property(ref reader, "notional"u8))
        {
            return false;
        }

        var notional = EventJsonValues.Money(ref reader);
        if (!reader.Read())
        {
            return false;
        }

        TradeId? parent = null;
        TradeId? novatedFrom = null;
        TradeEnrichment? enrichment = null;
        if (IsName(ref reader, "parentTradeId"u8))
        {
            parent = ReadOptionalId(ref reader);
        }

        if (IsName(ref reader, "novatedFromTradeId"u8))
        {
            novatedFrom = ReadOptionalId(ref reader);
        }

        if (IsName(ref reader, "enrichment"u8) && (!Value(ref reader) || !Enrichment(ref reader, out enrichment) || !reader.Read()))
        {
            return false;
        }

        if (reader.TokenType != JsonTokenType.EndObject || !AtEnd(ref reader))
        {
            return false;
        }

        booked = new TradeBooked(id, effectiveTime, economics, assetClass, notional, parent, novatedFrom, enrichment);
        return true;
    }

    // On the name: reads the id and moves to the next token. A null value is not canonical: the converter refuses it.
    private static TradeId ReadOptionalId(ref Utf8JsonReader reader)
    {
        reader.Read();
        var id = EventJsonValues.TradeId(ref reader);
        reader.Read();
        return id;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Enrichment(ref Utf8JsonReader reader, [NotNullWhen(true)] out TradeEnrichment? enrichment)
    {
        enrichment = null;
        if (reader.TokenType != JsonTokenType.StartObject || !reader.Read())
        {
            return false;
        }

        Money? inBase = null;
        Money? exposure = null;
        string? limit = null;
        if (IsName(ref reader, "notionalInBase"u8) && Value(ref reader))
        {
            inBase = EventJsonValues.Money(ref reader);
            reader.Read();
        }

        if (IsName(ref reader, "exposureContribution"u8) && Value(ref reader))
        {
            exposure = EventJsonValues.Money(ref reader);
            reader.Read();
        }

        if (IsName(ref reader, "counterpartyLimitId"u8) && Value(ref reader))
        {
            if (!String(ref reader, out var value))
            {
                return false;
            }

            limit = value;
            reader.Read();
        }

        if (!IsName(ref reader, "complianceWarnings"u8) || !Value(ref reader) || !Strings(ref reader, out var warnings)
            || !EndObject(ref reader))
        {
            return false;
        }

        enrichment = new TradeEnrichment(inBase, exposure, limit, warnings);
        return true;
    }

    private static bool Strings(ref Utf8JsonReader reader, out ImmutableArray<string> strings)
    {
        strings = default;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            builder.Add(reader.GetString()!);
        }

        strings = builder.DrainToImmutable();
        return reader.TokenType == JsonTokenType.EndArray;
    }
}
