namespace TradeFlow.Fix.TradeCapture;

/// <summary>The business reasons a capture is refused, mapped onto each reply's own reject-reason field.</summary>
public enum CaptureRejectReason
{
    /// <summary>A party (counterparty, trader, book) is unknown, inactive or malformed.</summary>
    InvalidParty,

    /// <summary>The instrument is unknown or not identified.</summary>
    UnknownInstrument,

    /// <summary>The trade, order or allocation referred to is unknown.</summary>
    UnknownOrder,

    /// <summary>The trade can no longer be changed (settled, cancelled, allocated).</summary>
    TooLate,

    /// <summary>A risk, mandate or compliance check refused it.</summary>
    NotAuthorized,

    /// <summary>Anything else: a value out of range, an unsupported variant.</summary>
    Other,
}
