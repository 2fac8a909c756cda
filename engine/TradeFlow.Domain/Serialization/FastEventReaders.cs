using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using TradeFlow.Domain.Events;

namespace TradeFlow.Domain.Serialization;

/// <summary>Reads a canonical payload of <typeparamref name="T"/>, or returns false to leave it to the generated path.</summary>
internal delegate bool FastEventReader<T>(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out T? evt)
    where T : class, ITradeEvent;

/// <summary>
/// The hand-written readers of the events a replay reads most (measured: the generated path's buffering of
/// constructor arguments was about half of a replay's time). Keyed by CLR type, apart from the registry's list,
/// so a new event type needs nothing here: any type without a fast reader, and any payload a fast reader does
/// not recognise as canonical, is read by the generated deserializer — which also produces every error.
/// </summary>
internal static class FastEventReaders
{
    /// <summary>A reader trying the fast path first for <typeparamref name="T"/> when it has one, else just <paramref name="generated"/>.</summary>
    public static EventReader Wrap<T>(EventReader generated)
        where T : class, ITradeEvent
    {
        var fast = For<T>();
        return fast is null ? generated : utf8 => TryFast(fast, utf8, out var evt) ? evt : generated(utf8);
    }

    private static FastEventReader<T>? For<T>()
        where T : class, ITradeEvent =>
        typeof(T) == typeof(TradeBooked) ? (FastEventReader<T>)(object)new FastEventReader<TradeBooked>(TradeBookedJsonReader.TryRead)
        : typeof(T) == typeof(TradeConfirmed) ? (FastEventReader<T>)(object)new FastEventReader<TradeConfirmed>(LifecycleEventJsonReaders.TryReadConfirmed)
        : typeof(T) == typeof(SettlementInstructed) ? (FastEventReader<T>)(object)new FastEventReader<SettlementInstructed>(LifecycleEventJsonReaders.TryReadInstructed)
        : typeof(T) == typeof(SettlementMatched) ? (FastEventReader<T>)(object)new FastEventReader<SettlementMatched>(LifecycleEventJsonReaders.TryReadMatched)
        : typeof(T) == typeof(SettlementSettled) ? (FastEventReader<T>)(object)new FastEventReader<SettlementSettled>(LifecycleEventJsonReaders.TryReadSettled)
        : typeof(T) == typeof(TradeAmended) ? (FastEventReader<T>)(object)new FastEventReader<TradeAmended>(LifecycleEventJsonReaders.TryReadAmended)
        : typeof(T) == typeof(TradeCancelled) ? (FastEventReader<T>)(object)new FastEventReader<TradeCancelled>(LifecycleEventJsonReaders.TryReadCancelled)
        : null;

    // A malformed value inside an otherwise canonical shape throws from a converter: the generated path then reads
    // the payload again and throws its own, established error.
    private static bool TryFast<T>(FastEventReader<T> fast, ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out T? evt)
        where T : class, ITradeEvent
    {
        try
        {
            return fast(utf8, out evt);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException
                                       or OverflowException)
        {
            evt = null;
            return false;
        }
    }

    /// <summary>True when <typeparamref name="T"/> has a fast reader (tests).</summary>
    internal static bool Has<T>()
        where T : class, ITradeEvent => For<T>() is not null;

    /// <summary>The fast reader alone, without the fallback (tests compare it with the generated reader).</summary>
    internal static bool TryRead<T>(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out T? evt)
        where T : class, ITradeEvent
    {
        var fast = For<T>();
        evt = null;
        return fast is not null && TryFast(fast, utf8, out evt);
    }
}
