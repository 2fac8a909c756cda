using System.Text.Json;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// Steps of the hand-written event readers over a <see cref="Utf8JsonReader"/>. Every step accepts only the
/// canonical shape the writers produce (properties in declaration order, exact names, no nulls) and answers
/// false on anything else, so the caller can hand the payload to the generated deserializer, which then reads
/// it — or refuses it — exactly as it always did.
/// </summary>
internal static class FastJson
{
    /// <summary>Reads the start of an object.</summary>
    public static bool StartObject(ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType == JsonTokenType.StartObject;

    /// <summary>Reads the property <paramref name="name"/> and moves to its (non-null) value.</summary>
    public static bool Property(ref Utf8JsonReader reader, ReadOnlySpan<byte> name) =>
        reader.Read() && IsName(ref reader, name) && Value(ref reader);

    /// <summary>True when the current token is the property name <paramref name="name"/>.</summary>
    public static bool IsName(ref Utf8JsonReader reader, ReadOnlySpan<byte> name) =>
        reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(name);

    /// <summary>Moves from a property name to its value, which must not be null.</summary>
    public static bool Value(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType != JsonTokenType.Null;

    /// <summary>Reads the end of the current object.</summary>
    public static bool EndObject(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.EndObject;

    /// <summary>True when the top-level object just read is the whole payload.</summary>
    public static bool AtEnd(ref Utf8JsonReader reader) => !reader.Read();

    /// <summary>The current string value.</summary>
    public static bool String(ref Utf8JsonReader reader, out string value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString()! : string.Empty;
        return reader.TokenType == JsonTokenType.String;
    }

    /// <summary>The current string value, from this thread's recent texts when it repeats one (<see cref="RecentStrings"/>).</summary>
    public static bool RepeatedString(ref Utf8JsonReader reader, out string value)
    {
        value = reader.TokenType == JsonTokenType.String ? RecentStrings.Read(ref reader) : string.Empty;
        return reader.TokenType == JsonTokenType.String;
    }

    /// <summary>The current value as an ISO 8601 time (System.Text.Json's own parser, as the generated path uses).</summary>
    public static bool Time(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        return reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out value);
    }

    /// <summary>The current value as a 32-bit integer.</summary>
    public static bool Int32(ref Utf8JsonReader reader, out int value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out value);
    }

    /// <summary>The current value's index in an enum's written-name table (the writers' own table: index = value).</summary>
    public static bool EnumValue(ref Utf8JsonReader reader, JsonEncodedText[] names, out int value)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return false;
        }

        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i].EncodedUtf8Bytes;
            if (!name.IsEmpty && reader.ValueSpan.SequenceEqual(name))
            {
                value = i;
                return true;
            }
        }

        return false;
    }
}
