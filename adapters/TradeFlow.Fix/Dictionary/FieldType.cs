using System.Diagnostics.CodeAnalysis;

namespace TradeFlow.Fix.Dictionary;

/// <summary>FIX data types as QuickFIX's XML names them (<c>type=</c> of a <c>&lt;field&gt;</c>).</summary>
[SuppressMessage("Naming", "CA1720", Justification = "The members are FIX's data type names (INT, FLOAT, CHAR, STRING), not .NET types.")]
public enum FieldType
{
    /// <summary>A type this engine does not know: its values are not format-checked.</summary>
    Unknown,
    /// <summary>INT.</summary>
    Int,
    /// <summary>LENGTH.</summary>
    Length,
    /// <summary>NUMINGROUP.</summary>
    NumInGroup,
    /// <summary>SEQNUM.</summary>
    SeqNum,
    /// <summary>TAGNUM.</summary>
    TagNum,
    /// <summary>DAYOFMONTH.</summary>
    DayOfMonth,
    /// <summary>FLOAT.</summary>
    Float,
    /// <summary>QTY.</summary>
    Qty,
    /// <summary>PRICE.</summary>
    Price,
    /// <summary>PRICEOFFSET.</summary>
    PriceOffset,
    /// <summary>AMT.</summary>
    Amt,
    /// <summary>PERCENTAGE.</summary>
    Percentage,
    /// <summary>CHAR.</summary>
    Char,
    /// <summary>BOOLEAN (Y/N).</summary>
    Boolean,
    /// <summary>STRING.</summary>
    String,
    /// <summary>MULTIPLEVALUESTRING (space-separated values).</summary>
    MultipleValueString,
    /// <summary>MULTIPLECHARVALUE (space-separated characters).</summary>
    MultipleCharValue,
    /// <summary>CURRENCY.</summary>
    Currency,
    /// <summary>EXCHANGE.</summary>
    Exchange,
    /// <summary>COUNTRY.</summary>
    Country,
    /// <summary>LANGUAGE.</summary>
    Language,
    /// <summary>DATA (length-prefixed bytes).</summary>
    Data,
    /// <summary>XMLDATA.</summary>
    XmlData,
    /// <summary>UTCTIMESTAMP.</summary>
    UtcTimestamp,
    /// <summary>UTCTIMEONLY.</summary>
    UtcTimeOnly,
    /// <summary>UTCDATEONLY (also UTCDATE and DATE).</summary>
    UtcDateOnly,
    /// <summary>LOCALMKTDATE.</summary>
    LocalMktDate,
    /// <summary>MONTHYEAR.</summary>
    MonthYear,
    /// <summary>TZTIMEONLY.</summary>
    TzTimeOnly,
    /// <summary>TZTIMESTAMP.</summary>
    TzTimestamp,
}
