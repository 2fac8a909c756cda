using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using TradeFlow.Domain.Serialization;
using TradeFlow.EventSourcing.Serialization;

namespace TradeFlow.Replay.Verification;

/// <summary>
/// Checks that an event deserializes with the current registry, upcasting old schema versions on the way (what
/// every projection and the engine's recovery will do with it). Type names are few, so their strings are cached.
/// Thread-safe: <c>verify</c> calls it from the scan's two threads at once (the cache is concurrent, the scratch for
/// decoding a name is on the stack, and the deserializer holds no state).
/// </summary>
internal sealed class PayloadCheck
{
    private const int MaxStackTypeName = 256;
    private readonly ConcurrentDictionary<string, string> _types = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public PayloadCheck() => _lookup = _types.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Null when the payload reads; otherwise why not.</summary>
    public string? Check(ReadOnlySpan<byte> typeUtf8, int schemaVersion, ReadOnlySpan<byte> payload)
    {
        if (typeUtf8.Length > MaxStackTypeName)
        {
            return Check(Encoding.UTF8.GetString(typeUtf8), schemaVersion, payload);
        }

        Span<char> scratch = stackalloc char[MaxStackTypeName];
        var chars = scratch[..Encoding.UTF8.GetChars(typeUtf8, scratch)];
        if (!_lookup.TryGetValue(chars, out var type))
        {
            type = chars.ToString();
            type = _types.GetOrAdd(type, type);
        }

        return Check(type, schemaVersion, payload);
    }

    /// <summary>Null when the payload reads; otherwise why not.</summary>
    public static string? Check(string type, int schemaVersion, ReadOnlySpan<byte> payload)
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
}
