namespace TradeFlow.Fix.Session;

/// <summary>An application-level problem with one field of an inbound message, answered with a session Reject (3).</summary>
public abstract class TagException : Exception
{
    /// <summary>Creates the exception for <paramref name="tag"/>.</summary>
    protected TagException(int tag, string message)
        : base(message) => Tag = tag;

    /// <summary>The field at fault; becomes RefTagID (371).</summary>
    public int Tag { get; }

    /// <summary>SessionRejectReason (373) of the Reject the session sends.</summary>
    public abstract int SessionRejectReason { get; }
}
