using System.Text.Json;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// The event payloads' cache of repeating values (<see cref="RepeatedJsonValues{T}"/> under the domain's serializer
/// options), one per type: the journal thread wrote every booking's ids through their converters although a book or
/// a counterparty has a handful of values. A property test compares whole events with the generated serializer.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal static class RepeatedJsonValue<T>
    where T : struct, IEquatable<T>
{
    /// <summary>Distinct values kept per type.</summary>
    public const int Capacity = RepeatedJsonValues<T>.DefaultCapacity;

    /// <summary>The process's cache for <typeparamref name="T"/>.</summary>
    internal static readonly RepeatedJsonValues<T> Shared = new(DomainJsonContext.Default.Options);

    /// <summary>How many distinct values are cached (tests).</summary>
    internal static int Count => Shared.Count;

    /// <summary>Writes <paramref name="value"/> as the context's converter would, after a property name.</summary>
    public static void Write(Utf8JsonWriter writer, T value) => Shared.Write(writer, value);

    /// <summary>The converter's bytes for one value.</summary>
    internal static byte[] Encode(T value) => Shared.Encode(value);
}
