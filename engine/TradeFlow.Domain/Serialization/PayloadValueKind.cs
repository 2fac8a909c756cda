namespace TradeFlow.Domain.Serialization;

/// <summary>How <see cref="EventPayloadValidator"/> checks one member's value: the JSON the serializer's converter for that type accepts.</summary>
internal enum PayloadValueKind
{
    /// <summary>Any JSON string (a <see cref="string"/> member).</summary>
    Text,

    /// <summary>A JSON number that fits an <see cref="int"/>.</summary>
    Int32,

    /// <summary>An ISO 8601 time, as System.Text.Json reads a <see cref="DateTimeOffset"/>.</summary>
    Time,

    /// <summary>One of the enum's declared names (the string enum converter).</summary>
    Enum,

    /// <summary>A nested record, member by member.</summary>
    Object,

    /// <summary>An array (an <c>ImmutableArray</c> member) of the element's kind.</summary>
    Array,

    /// <summary>A domain value written as a string and read through its span-based TryParse (ids, amounts, dates).</summary>
    DomainValue,
}
