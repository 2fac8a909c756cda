using System.Buffers.Binary;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// One member of a <see cref="PayloadShape"/>: its written name (with the quotes and colon, so the check is one
/// comparison), whether the writer may leave it out, and how its value is checked.
/// </summary>
internal sealed class PayloadMember
{
    public PayloadMember(string jsonName, bool optional, PayloadValue value)
    {
        Name = System.Text.Encoding.UTF8.GetBytes("\"" + jsonName + "\":");
        JsonName = jsonName;
        Optional = optional;
        Value = value;
        HasWords = Name.Length is >= sizeof(ulong) and <= 2 * sizeof(ulong);
        if (HasWords)
        {
            Head = BinaryPrimitives.ReadUInt64LittleEndian(Name);
            Tail = BinaryPrimitives.ReadUInt64LittleEndian(Name.AsSpan(Name.Length - sizeof(ulong)));
        }
    }

    /// <summary>The name as the serializer writes it, e.g. "tradeId".</summary>
    public string JsonName { get; }

    /// <summary><c>"tradeId":</c> in UTF-8.</summary>
    public byte[] Name { get; }

    /// <summary>True when <see cref="Name"/> is 8 to 16 bytes: then it equals any bytes whose first and last 8 are <see cref="Head"/> and <see cref="Tail"/>.</summary>
    public bool HasWords { get; }

    /// <summary>The name's first 8 bytes, little-endian (when <see cref="HasWords"/>).</summary>
    public ulong Head { get; }

    /// <summary>The name's last 8 bytes, little-endian (when <see cref="HasWords"/>).</summary>
    public ulong Tail { get; }

    /// <summary>A nullable member the writer omits when null (<c>WhenWritingNull</c>); present, it must not be null here.</summary>
    public bool Optional { get; }

    /// <summary>How the value is checked.</summary>
    public PayloadValue Value { get; }
}
