using System.Globalization;
using System.Text;
using TradeFlow.Domain.Serialization;
using TradeFlow.EventSourcing.Serialization;

namespace TradeFlow.Replay.Verification;

/// <summary>
/// Checks that an event deserializes with the current registry, upcasting old schema versions on the way (what
/// every projection and the engine's recovery will do with it). Type names are few, so their strings are cached.
/// </summary>
internal sealed class PayloadCheck
{
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly char[] _chars = new char[1024];

    public PayloadCheck() => _lookup = _types.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Null when the payload reads; otherwise why not.</summary>
    public string? Check(ReadOnlySpan<byte> typeUtf8, int schemaVersion, ReadOnlySpan<byte> payload)
    {
        var chars = _chars.AsSpan(0, Encoding.UTF8.GetChars(typeUtf8, _chars));
        if (!_lookup.TryGetValue(chars, out var type))
        {
            type = chars.ToString();
            _types[type] = type;
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
