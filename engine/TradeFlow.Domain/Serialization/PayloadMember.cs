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
    }

    /// <summary>The name as the serializer writes it, e.g. "tradeId".</summary>
    public string JsonName { get; }

    /// <summary><c>"tradeId":</c> in UTF-8.</summary>
    public byte[] Name { get; }

    /// <summary>A nullable member the writer omits when null (<c>WhenWritingNull</c>); present, it must not be null here.</summary>
    public bool Optional { get; }

    /// <summary>How the value is checked.</summary>
    public PayloadValue Value { get; }
}
