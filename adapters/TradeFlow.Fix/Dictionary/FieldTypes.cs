using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Dictionary;

/// <summary>Maps QuickFIX type names to <see cref="FieldType"/> and checks a value's data format (reject reason 6).</summary>
internal static class FieldTypes
{
    public static FieldType Parse(string name) => name.ToUpperInvariant() switch
    {
        "INT" => FieldType.Int,
        "LENGTH" => FieldType.Length,
        "NUMINGROUP" => FieldType.NumInGroup,
        "SEQNUM" => FieldType.SeqNum,
        "TAGNUM" => FieldType.TagNum,
        "DAYOFMONTH" => FieldType.DayOfMonth,
        "FLOAT" => FieldType.Float,
        "QTY" or "QUANTITY" => FieldType.Qty,
        "PRICE" => FieldType.Price,
        "PRICEOFFSET" => FieldType.PriceOffset,
        "AMT" => FieldType.Amt,
        "PERCENTAGE" => FieldType.Percentage,
        "CHAR" => FieldType.Char,
        "BOOLEAN" => FieldType.Boolean,
        "STRING" => FieldType.String,
        "MULTIPLEVALUESTRING" or "MULTIPLESTRINGVALUE" => FieldType.MultipleValueString,
        "MULTIPLECHARVALUE" => FieldType.MultipleCharValue,
        "CURRENCY" => FieldType.Currency,
        "EXCHANGE" => FieldType.Exchange,
        "COUNTRY" => FieldType.Country,
        "LANGUAGE" => FieldType.Language,
        "DATA" => FieldType.Data,
        "XMLDATA" => FieldType.XmlData,
        "UTCTIMESTAMP" => FieldType.UtcTimestamp,
        "UTCTIMEONLY" => FieldType.UtcTimeOnly,
        "UTCDATEONLY" or "UTCDATE" or "DATE" => FieldType.UtcDateOnly,
        "LOCALMKTDATE" => FieldType.LocalMktDate,
        "MONTHYEAR" => FieldType.MonthYear,
        "TZTIMEONLY" => FieldType.TzTimeOnly,
        "TZTIMESTAMP" => FieldType.TzTimestamp,
        _ => FieldType.Unknown,
    };

    /// <summary>Whether <paramref name="value"/> is well-formed for <paramref name="type"/>.</summary>
    public static bool IsValidFormat(FieldType type, ReadOnlySpan<byte> value) => type switch
    {
        FieldType.Int or FieldType.TagNum => FixValues.TryParseLong(value, out _),
        FieldType.Length or FieldType.NumInGroup or FieldType.SeqNum =>
            FixValues.TryParseLong(value, out var n) && n >= 0,
        FieldType.DayOfMonth => FixValues.TryParseInt(value, out var day) && day is >= 1 and <= 31,
        FieldType.Float or FieldType.Qty or FieldType.Price or FieldType.PriceOffset or FieldType.Amt
            or FieldType.Percentage => FixValues.TryParseDecimal(value, out _),
        FieldType.Char => FixValues.TryParseChar(value, out _),
        FieldType.Boolean => FixValues.TryParseBool(value, out _),
        FieldType.UtcTimestamp => FixValues.IsUtcTimestamp(value),
        FieldType.UtcTimeOnly => FixValues.IsUtcTimeOnly(value),
        FieldType.UtcDateOnly or FieldType.LocalMktDate => FixValues.TryParseDate(value, out _),
        FieldType.MonthYear => FixValues.IsMonthYear(value),
        _ => true,
    };

    /// <summary>Whether values of <paramref name="type"/> are space-separated lists whose items are each checked against the enum.</summary>
    public static bool IsMultipleValue(FieldType type) =>
        type is FieldType.MultipleValueString or FieldType.MultipleCharValue;
}
