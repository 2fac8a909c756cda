using System.Text.Json;
using TradeFlow.Domain.Serialization;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Runtime.StateJson;

/// <summary>
/// The state writers' cache of values that repeat across trades (<see cref="RepeatedJsonValues{T}"/> under
/// <see cref="ProjectionJson.Options"/>), one per type: a state hash writes 200,000 trades' economics three times and
/// a replay spills a million posting lines, and each id went through its converter every time although a book or a
/// counterparty has a handful of values. Thread-safe: the three projections' hashes run in parallel.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal static class RepeatedValueText<T>
    where T : notnull
{
    /// <summary>Distinct values kept per type.</summary>
    public const int Capacity = RepeatedJsonValues<T>.DefaultCapacity;

    /// <summary>True for the value types whose values repeat across trades; the JIT folds the test away per type.</summary>
    public static readonly bool Applies =
        typeof(T) == typeof(BookId) || typeof(T) == typeof(CounterpartyId) || typeof(T) == typeof(InstrumentId)
        || typeof(T) == typeof(TraderId) || typeof(T) == typeof(Currency) || typeof(T) == typeof(BusinessDate)
        || typeof(T).IsEnum;

    private static readonly RepeatedJsonValues<T> Values = new(ProjectionJson.Options);

    /// <summary>Writes <paramref name="value"/> as the options' converter would, as a value (after a property name or in an array).</summary>
    public static void WriteValue(Utf8JsonWriter writer, T value) => Values.Write(writer, value);
}
