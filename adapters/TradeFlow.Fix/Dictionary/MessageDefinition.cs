namespace TradeFlow.Fix.Dictionary;

/// <summary>A <c>&lt;message&gt;</c> of the dictionary.</summary>
public sealed class MessageDefinition
{
    internal MessageDefinition(string name, string msgType, string category, FieldSet body, bool hasFieldList)
    {
        Name = name;
        MsgType = msgType;
        Category = category;
        Body = body;
        HasFieldList = hasFieldList;
    }

    /// <summary>The message's name (e.g. <c>TradeCaptureReport</c>).</summary>
    public string Name { get; }

    /// <summary>The MsgType (35) value (e.g. <c>AE</c>).</summary>
    public string MsgType { get; }

    /// <summary><c>admin</c> or <c>app</c>.</summary>
    public string Category { get; }

    /// <summary>The body's fields.</summary>
    public FieldSet Body { get; }

    /// <summary>
    /// False for a message listed without fields: a known type whose body is not validated beyond the
    /// format of known fields (TradeFlow's convention for FIX 4.4 messages it does not support).
    /// </summary>
    public bool HasFieldList { get; }

    /// <summary>Whether this is a session-level message.</summary>
    public bool IsAdmin => string.Equals(Category, "admin", StringComparison.OrdinalIgnoreCase);
}
