using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradeFlow.Domain.Serialization.Converters;

/// <summary>
/// Base for value-type converters that write a value as a JSON string and read it back through
/// the type's span-based TryParse: no intermediate strings, so (de)serializing the ids and amounts
/// of an event allocates nothing beyond the event itself.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public abstract class SpanValueConverter<T> : JsonConverter<T>
    where T : struct
{
    /// <summary>Longest text form, in characters.</summary>
    protected abstract int MaxLength { get; }

    /// <summary>Name used in error messages.</summary>
    protected abstract string TypeName { get; }

    /// <summary>Parses the text form.</summary>
    protected abstract bool TryParse(ReadOnlySpan<char> text, out T value);

    /// <summary>Formats the text form.</summary>
    protected abstract bool TryFormat(T value, Span<char> destination, out int charsWritten);

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String && reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"Expected a {TypeName} as a JSON string, found {reader.TokenType}.");
        }

        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (length > MaxLength * 6)
        {
            throw new JsonException($"A {TypeName} is at most {MaxLength} characters.");
        }

        var rented = length > 256 ? ArrayPool<char>.Shared.Rent(length) : null;
        try
        {
            Span<char> buffer = rented ?? stackalloc char[length];
            var written = reader.TokenType == JsonTokenType.String
                ? reader.CopyString(buffer)
                : System.Text.Encoding.UTF8.GetChars(reader.ValueSpan, buffer);
            if (!TryParse(buffer[..written], out var value))
            {
                throw new JsonException($"'{buffer[..written].ToString()}' is not a valid {TypeName}.");
            }

            return value;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> buffer = stackalloc char[MaxLength];
        if (!TryFormat(value, buffer, out var written))
        {
            throw new JsonException($"Cannot write an unset (default) {TypeName}.");
        }

        writer.WriteStringValue(buffer[..written]);
    }
}
