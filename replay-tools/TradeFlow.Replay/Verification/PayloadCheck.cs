using System.Globalization;
using System.Text;
using TradeFlow.Domain.Serialization;
using TradeFlow.EventSourcing.Serialization;

namespace TradeFlow.Replay.Verification;

/// <summary>
/// Checks that an event deserializes with the current registry, upcasting old schema versions on the way (what
/// every projection and the engine's recovery will do with it). First the allocation-free
/// <see cref="EventPayloadValidator"/>, which accepts the canonical payloads the engine writes; whatever it is not
/// sure of is deserialized in full, and that verdict (and its message) is the answer — so the check is exactly as
/// strict as the deserializer. Thread-safe: <c>verify</c> calls it from the scan's two threads at once.
/// </summary>
internal sealed class PayloadCheck
{
    // A real store has a few dozen (type, version) pairs at most; a damaged one may have a different name per
    // record, which must not grow the list (or its copies) without bound.
    private const int MaxEntries = 64;

    private readonly Lock _gate = new();

    // (type bytes, version) → name and validator: a handful of entries, compared byte-wise, so the hot path hashes
    // no string. Copy-on-write: readers take the array as published; a new pair is added under the gate.
    private TypeEntry[] _entries = [];

    /// <summary>Null when the payload reads; otherwise why not.</summary>
    public string? Check(ReadOnlySpan<byte> typeUtf8, int schemaVersion, ReadOnlySpan<byte> payload)
    {
        var entry = Find(Volatile.Read(ref _entries), typeUtf8, schemaVersion) ?? Add(typeUtf8, schemaVersion);
        return entry.Validator is { } validator && validator.Accepts(payload) ? null : Check(entry.Type, schemaVersion, payload);
    }

    /// <summary>Null when the payload reads; otherwise why not.</summary>
    public static string? Check(string type, int schemaVersion, ReadOnlySpan<byte> payload)
    {
        if (EventPayloadValidator.For(type, schemaVersion) is { } validator && validator.Accepts(payload))
        {
            return null;
        }

        return Deserialize(type, schemaVersion, payload);
    }

    /// <summary>The full deserializer's verdict alone: null when the payload reads; otherwise why not.</summary>
    public static string? Deserialize(string type, int schemaVersion, ReadOnlySpan<byte> payload)
    {
        if (!DomainEventRegistry.CanRead(type, schemaVersion))
        {
            return string.Create(CultureInfo.InvariantCulture, $"event type {type}.v{schemaVersion} is not in this build's event registry (no reader or upcaster)");
        }

        try
        {
            TradeEventSerializer.Instance.Deserialize(type, schemaVersion, payload);
            return null;
        }
#pragma warning disable CA1031 // Any failure to read a stored payload is a finding to report, whatever the exception.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return string.Create(CultureInfo.InvariantCulture, $"the {type}.v{schemaVersion} payload does not deserialize: {ex.Message}");
        }
    }

    private static TypeEntry? Find(TypeEntry[] entries, ReadOnlySpan<byte> typeUtf8, int schemaVersion)
    {
        foreach (var entry in entries)
        {
            if (entry.SchemaVersion == schemaVersion && typeUtf8.SequenceEqual(entry.TypeUtf8))
            {
                return entry;
            }
        }

        return null;
    }

    private TypeEntry Add(ReadOnlySpan<byte> typeUtf8, int schemaVersion)
    {
        lock (_gate)
        {
            if (Find(_entries, typeUtf8, schemaVersion) is { } entry)
            {
                return entry;
            }

            var type = Encoding.UTF8.GetString(typeUtf8);
            entry = new TypeEntry(typeUtf8.ToArray(), schemaVersion, type, EventPayloadValidator.For(type, schemaVersion));
            if (_entries.Length < MaxEntries)
            {
                Volatile.Write(ref _entries, [.. _entries, entry]);
            }

            return entry;
        }
    }

    private sealed record TypeEntry(byte[] TypeUtf8, int SchemaVersion, string Type, EventPayloadValidator? Validator);
}
