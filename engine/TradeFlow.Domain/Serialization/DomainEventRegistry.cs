using System.Collections.Frozen;
using System.Text.Json;
using TradeFlow.Domain.Events;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// The stable name and schema version of every event type (<c>TradeBooked</c> v1 →
/// "TradeBooked.v1"), and the readers for every (name, version) ever written, old versions
/// included. Names never change; a changed shape is a new version plus an upcaster in
/// <see cref="Readers"/>, so old journals are read, never rewritten.
/// </summary>
public static class DomainEventRegistry
{
    private static readonly FrozenDictionary<Type, EventTypeRegistration> ByType = BuildCurrent().ToFrozenDictionary(r => r.ClrType);

    private static readonly FrozenDictionary<(string Name, int Version), EventReader> Readers = BuildReaders();

    /// <summary>Every current event type: (CLR type, stable name, current schema version).</summary>
    public static IReadOnlyList<(Type Type, string Name, int SchemaVersion)> EventTypes { get; } =
        [.. ByType.Values.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => (r.ClrType, r.Name, r.Version))];

    /// <summary>Every (name, version) that can be read, old versions included.</summary>
    public static IReadOnlyList<(string Name, int SchemaVersion)> ReadableVersions { get; } =
        [.. Readers.Keys.OrderBy(k => k.Name, StringComparer.Ordinal).ThenBy(k => k.Version)];

    /// <summary>The stable type name of an event, e.g. "TradeBooked".</summary>
    /// <exception cref="ArgumentException">Not a registered event type.</exception>
    public static string TypeNameOf(object evt) => Lookup(evt).Name;

    /// <summary>The schema version the event is written with.</summary>
    /// <exception cref="ArgumentException">Not a registered event type.</exception>
    public static int SchemaVersionOf(object evt) => Lookup(evt).Version;

    /// <summary>"TradeBooked.v1": name and version in one string, for logs and listings.</summary>
    public static string QualifiedNameOf(object evt)
    {
        var registration = Lookup(evt);
        return $"{registration.Name}.v{registration.Version}";
    }

    /// <summary>True when a stored (name, version) can be read.</summary>
    public static bool CanRead(string typeName, int schemaVersion) => Readers.ContainsKey((typeName, schemaVersion));

    internal static EventTypeRegistration Lookup(object evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return ByType.TryGetValue(evt.GetType(), out var registration)
            ? registration
            : throw new ArgumentException($"{evt.GetType().FullName} is not a registered domain event.", nameof(evt));
    }

    internal static bool TryGetReader(string typeName, int schemaVersion, out EventReader reader) =>
        Readers.TryGetValue((typeName, schemaVersion), out reader!);

    private static EventTypeRegistration[] BuildCurrent()
    {
        var c = DomainJsonContext.Default;
        return
        [
            EventTypeRegistration.Create("TradeBooked", 1, c.TradeBooked, TradeBookedJsonWriter.TryWrite),
            EventTypeRegistration.Create("TradeAmended", 1, c.TradeAmended),
            EventTypeRegistration.Create("TradeCancelled", 2, c.TradeCancelled),
            EventTypeRegistration.Create("TradeAllocated", 1, c.TradeAllocated),
            EventTypeRegistration.Create("TradeConfirmed", 1, c.TradeConfirmed),
            EventTypeRegistration.Create("TradeNovated", 1, c.TradeNovated),
            EventTypeRegistration.Create("TradePartiallyTerminated", 1, c.TradePartiallyTerminated),
            EventTypeRegistration.Create("SettlementInstructed", 1, c.SettlementInstructed),
            EventTypeRegistration.Create("SettlementMatched", 1, c.SettlementMatched),
            EventTypeRegistration.Create("SettlementSettled", 1, c.SettlementSettled),
            EventTypeRegistration.Create("SettlementFailed", 1, c.SettlementFailed),
            EventTypeRegistration.Create("TradeMatured", 1, c.TradeMatured),
            EventTypeRegistration.Create("TradeRejected", 1, c.TradeRejected),
            EventTypeRegistration.Create("CreditLimitChanged", 1, c.CreditLimitChanged),
            EventTypeRegistration.Create("CreditLimitChangeRejected", 1, c.CreditLimitChangeRejected),
        ];
    }

    private static FrozenDictionary<(string Name, int Version), EventReader> BuildReaders()
    {
        var readers = ByType.Values.ToDictionary(r => (r.Name, r.Version), r => r.Read);

        // Upcasters: one entry per retired (name, version). TradeCancelled v1 had no reason; an
        // auditor must see that the reason was never captured, not an invented one.
        readers.Add(("TradeCancelled", 1), static utf8 =>
        {
            var v1 = JsonSerializer.Deserialize(utf8, DomainJsonContext.Default.TradeCancelledV1)
                ?? throw new JsonException("TradeCancelled.v1 payload is null.");
            return new TradeCancelled(v1.TradeId, v1.EffectiveTime, TradeCancelled.ReasonNotRecorded);
        });
        return readers.ToFrozenDictionary();
    }
}
